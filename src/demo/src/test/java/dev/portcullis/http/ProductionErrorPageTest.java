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
                "portcullis.https.enabled=false"})
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

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }
}
