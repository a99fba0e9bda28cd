package dev.portcullis.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.SignInPage;
import dev.portcullis.auth.internal.SessionTracker;

/** A session ended elsewhere (another node, an administrator) signs out at its next request, over real HTTP. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionEndingHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    AdminUserService users;

    @Autowired
    SessionTracker sessions;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).build();

    @Test
    void anEndedSessionIsSignedOutAtItsNextRequest() throws Exception {
        users.createUser("kim", "correct horse battery staple", true, false, false);
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(url("/console/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SignInPage.form("kim", "correct horse battery staple",
                        get("/console/login").body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
        assertThat(get("/console/").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from portcullis_session where username = 'kim' and ended_at is"
                + " null", Long.class)).isEqualTo(1);

        long userId = users.findByUsername("kim").orElseThrow().getId();
        sessions.endOthers(userId, null, "ended by an administrator");

        HttpResponse<String> after = get("/console/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        assertThat(get("/console/").headers().firstValue("Location").orElseThrow())
                .as("still signed out afterwards").endsWith("/console/login");
    }

    @Test
    void signingOutMarksTheSessionEndedAsSignedOut() throws Exception {
        users.createUser("kit", "correct horse battery staple", true, false, false);
        client.send(HttpRequest.newBuilder(URI.create(url("/console/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SignInPage.form("kit", "correct horse battery staple",
                        get("/console/login").body()))).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        // As the sign-out menu does: a POST carrying the CSRF token the page was rendered with.
        HttpResponse<String> signOut = client.send(HttpRequest.newBuilder(URI.create(url("/console/logout")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(
                        SignInPage.token(page.body()), java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select end_reason from portcullis_session where username = 'kit'",
                String.class)).isEqualTo("signed-out");
        assertThat(jdbc.queryForObject("select count(*) from portcullis_session where username = 'kit' and ended_at"
                + " is null", Long.class)).isZero();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
