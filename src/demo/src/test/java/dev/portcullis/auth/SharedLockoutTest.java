package dev.portcullis.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.SignInPage;
import dev.portcullis.auth.internal.LoginView;

/**
 * Two application nodes on one database, signed in to over real HTTP: failures on either count toward one lock,
 * and a locked username is refused on both — even with the right password.
 */
class SharedLockoutTest {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        String db = "--spring.datasource.url=jdbc:h2:mem:shared-lockout;DB_CLOSE_DELAY=-1";
        nodeA = new SpringApplicationBuilder(DemoApplication.class).profiles("test").run(db, "--server.port=0");
        nodeB = new SpringApplicationBuilder(DemoApplication.class).profiles("test").run(db, "--server.port=0");
        nodeA.getBean(AdminUserService.class).createUser("dora", "correct horse battery staple", true, false, false);
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void failuresOnBothNodesAddUpToOneLock() throws Exception {
        List<ConfigurableApplicationContext> nodes = List.of(nodeA, nodeB, nodeA, nodeB, nodeA);
        for (ConfigurableApplicationContext node : nodes) {
            assertThat(signIn(node, "dora", "wrong password here")).endsWith("/console/login?error");
        }
        assertThat(signIn(nodeB, "dora", "correct horse battery staple"))
                .endsWith("/console/login?error&" + LoginView.THROTTLED);
        assertThat(signIn(nodeA, "dora", "correct horse battery staple"))
                .endsWith("/console/login?error&" + LoginView.THROTTLED);
    }

    @Test
    void anUnknownUsernameLocksTheSameWay() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn(i % 2 == 0 ? nodeA : nodeB, "nobody-at-all", "wrong password here");
        }
        assertThat(signIn(nodeB, "nobody-at-all", "anything at all"))
                .endsWith("/console/login?error&" + LoginView.THROTTLED);
    }

    private static String signIn(ConfigurableApplicationContext node, String username, String password) throws Exception {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        SignInPage page = SignInPage.open(port, "/console/login");
        String form = page.form(username, password);
        HttpResponse<Void> response = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", page.cookieHeader().substring("Cookie: ".length()))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
