package dev.portcullis.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.portcullis.demo.DemoApplication;

/**
 * A server error in the prod profile, over real HTTP: a plain page with the status, the environment banner, and
 * nothing of the exception — no message, no stack trace, no class names, no server version.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:prod-errors;DB_CLOSE_DELAY=-1",
                "portcullis.secret-key=MDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6QUJDRA==",
                // plain HTTP to a random port; the redirect to HTTPS has its own test
                "portcullis.https.enabled=false", "portcullis.admin.allowed-hosts=localhost"})
@ActiveProfiles("prod")
@Import(ProductionErrorPageTest.Failing.class)
class ProductionErrorPageTest {

    @LocalServerPort
    int port;

    @TestConfiguration
    @RestController
    static class Failing {

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("database password is hunter2 at db.internal:5432");
        }
    }

    @Test
    void serverErrorsRevealNothing() throws Exception {
        HttpResponse<String> response = get("/boom");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("500 Internal Server Error").contains("PRODUCTION")
                .doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at dev.portcullis")
                .doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("whitelabel")
                .doesNotContainIgnoringCase("spring");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void unknownPathsGetThePlainNotFoundPage() throws Exception {
        HttpResponse<String> response = get("/no/such/page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("404 Not Found").doesNotContainIgnoringCase("whitelabel");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bad-byte", "nul", "huge-header", "huge-url",
            "http-version", "bad-request-line", "huge-body"})
    void requestsTheServerRefusesItselfGetThePlainPageAndTheHeaders(String kind) throws Exception {
        String host = "Host: localhost:" + port + "\r\n";
        String request = switch (kind) {
            case "bad-byte" -> "GET /console/%FF HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n";
            case "nul" -> "GET /console/%00 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n";
            case "huge-header" -> "GET /console/login HTTP/1.1\r\n" + host + "X-Filler: " + "a".repeat(17_000)
                    + "\r\nConnection: close\r\n\r\n";
            case "huge-url" -> "GET /console/" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host
                    + "Connection: close\r\n\r\n";
            case "http-version" -> "GET /console/login HTTP/2.5\r\n" + host + "Connection: close\r\n\r\n";
            case "bad-request-line" -> "GET /console/<script> HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n";
            case "huge-body" -> "POST /console/login HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n"
                    + "1;" + "x".repeat(20_000) + "\r\na\r\n0\r\n\r\n";
            default -> throw new IllegalArgumentException(kind);
        };
        dev.portcullis.testsupport.RawHttp.Response response = dev.portcullis.testsupport.RawHttp.sendRaw(port,
                request);

        assertThat(response.status()).isBetween(400, 505);
        assertThat(response.body()).contains(response.status() + " ").contains("PRODUCTION")
                .doesNotContainIgnoringCase("tomcat").doesNotContain("HTTP Status").doesNotContainIgnoringCase("apache");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Server")).isNull();
    }

    @Test
    void theErrorPathOpenedDirectlyIsNotAServerError() throws Exception {
        HttpResponse<String> response = get("/error");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("404 Not Found");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }
}
