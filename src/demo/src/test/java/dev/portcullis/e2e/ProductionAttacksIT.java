package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.portcullis.testsupport.Parallel;
import dev.portcullis.testsupport.RawHttp;
import dev.portcullis.testsupport.SignInPage;

/**
 * The attacks of the security review (issue 13), replayed against the production jar in the {@code prod} profile,
 * over real HTTP from outside the process: parallel password guessing, a cross-site sign-in, requests the server
 * refuses before the application sees them, and a forged Host header.
 */
class ProductionAttacksIT {

    private static final String USERNAME = "attacked-admin";
    private static final String PASSWORD = "harbour lights over a quiet bay";
    private static final int GUESSES = 40;

    private static ProductionJar.Running app;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        app = ProductionJar.start(List.of("--spring.profiles.active=prod",
                "--portcullis.secret-key=" + AdminSignInBrowserIT.SECRET_KEY, AdminSignInBrowserIT.PLAIN_HTTP,
                "--portcullis.bootstrap.username=" + USERNAME, "--portcullis.bootstrap.password=" + PASSWORD));
        port = URI.create(app.adminUrl()).getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void fortyParallelGuessesGetNoMorePasswordsCheckedThanTheLockAllows() throws Exception {
        List<HttpResponse<Void>> answers = Parallel.all(GUESSES, i -> signIn(PASSWORD.replace("bay", "bay " + i)));

        assertThat(answers).extracting(HttpResponse::statusCode).as("no server errors").containsOnly(302);
        long checked = answers.stream().filter(a -> location(a).endsWith("/login?error")).count();
        long refusedUnseen = answers.stream().filter(a -> location(a).endsWith("?error&throttled")).count();
        assertThat(checked).as("passwords checked (the rest refused unseen)").isBetween(1L, 5L);
        assertThat(checked + refusedUnseen).isEqualTo(GUESSES);
        assertThat(location(signIn(PASSWORD))).as("the right password, once locked")
                .endsWith("?error&throttled");
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() throws Exception {
        HttpClient client = client();
        String page = client.send(HttpRequest.newBuilder(url("/console/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(url("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(SignInPage.form(USERNAME, PASSWORD, page))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> tokenless = client().send(HttpRequest.newBuilder(url("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USERNAME + "&password=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokenless.statusCode()).as("no CSRF token").isEqualTo(403);
    }

    @Test
    void requestsTheServerRefusesItselfGetOurPageAndHeaders() throws Exception {
        String host = "Host: localhost:" + port + "\r\n";
        for (String request : List.of(
                "GET /console/%FF HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
                "GET /console/%00 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
                "GET /console/login HTTP/1.1\r\n" + host + "X-Filler: " + "a".repeat(17_000)
                        + "\r\nConnection: close\r\n\r\n")) {
            RawHttp.Response response = RawHttp.sendRaw(port, request);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("400 ").doesNotContainIgnoringCase("tomcat")
                    .doesNotContain("HTTP Status");
            assertThat(response.header("Content-Security-Policy")).isNotNull();
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Server")).isNull();
        }
        assertThat(RawHttp.get(port, "/error").status()).as("/error opened directly").isEqualTo(404);
    }

    @Test
    void aForgedHostNeverReachesARedirect() throws Exception {
        RawHttp.Response response = RawHttp.sendRaw(port,
                "GET /console HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        // Production lists its hosts: the admin is not there for any other name, so nothing is redirected at all.
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Location")).isNull();
        assertThat(response.body()).doesNotContain("evil.example");
    }

    private static HttpResponse<Void> signIn(String password) throws Exception {
        HttpClient client = client();
        String page = client.send(HttpRequest.newBuilder(url("/console/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return client.send(HttpRequest.newBuilder(url("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SignInPage.form(USERNAME, password, page))).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager())
                .build();
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
