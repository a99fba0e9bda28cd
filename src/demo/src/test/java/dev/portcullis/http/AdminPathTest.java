package dev.portcullis.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;

/** Moving the admin moves all of it: the old path answers like any path that does not exist. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portcullis.admin.path=/back-office")
@ActiveProfiles("test")
class AdminPathTest {

    @LocalServerPort
    int port;

    @Test
    void adminFollowsTheConfiguredPath() throws Exception {
        assertThat(status("/back-office/login")).isEqualTo(200);
        assertThat(status("/back-office/themes/portcullis/portcullis.css")).isEqualTo(200);
        assertThat(status("/console/login")).isEqualTo(404);
        assertThat(status("/console/")).isEqualTo(404);
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
