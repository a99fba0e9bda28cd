package dev.portcullis.honeypot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.RawHttp;
import dev.portcullis.honeypot.internal.HoneypotWorker;

/**
 * Two application nodes on one database: attempts at either node's honeypot add up, and the block that follows is
 * honoured by both — for the real admin, and with block-whole-site for every page.
 */
class SharedHoneypotBlockTest {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void start() {
        String[] args = {"--spring.datasource.url=jdbc:h2:mem:shared-honeypot;DB_CLOSE_DELAY=-1", "--server.port=0",
                "--portcullis.trusted-proxies=127.0.0.1", "--portcullis.honeypot.delay=10ms",
                "--portcullis.honeypot.block-whole-site=true"};
        nodeA = new SpringApplicationBuilder(DemoApplication.class).profiles("test").run(args);
        nodeB = new SpringApplicationBuilder(DemoApplication.class).profiles("test").run(args);
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void attemptsOnBothNodesAddUpToOneBlockThatBothHonour() throws Exception {
        String client = "X-Forwarded-For: 203.0.113.99";
        assertThat(RawHttp.get(port(nodeA), "/console/login", client).status()).isEqualTo(200);
        assertThat(RawHttp.get(port(nodeB), "/console/login", client).status()).isEqualTo(200);
        attempt(nodeA, client);
        attempt(nodeB, client);
        attempt(nodeA, client);
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            assertThat(RawHttp.get(port(node), "/console/login", client).status()).isEqualTo(404);
            // block-whole-site: the rest of the site, honeypot included, is gone for that address too.
            assertThat(RawHttp.get(port(node), "/admin/", client).status()).isEqualTo(404);
            assertThat(RawHttp.get(port(node), "/console/login", "X-Forwarded-For: 203.0.113.98").status())
                    .isEqualTo(200);
        }
    }

    private static void attempt(ConfigurableApplicationContext node, String client) throws Exception {
        assertThat(RawHttp.send(port(node), "POST", "/admin/login/", "username=root&password=toor", client,
                "Content-Type: application/x-www-form-urlencoded").status()).isEqualTo(200);
        node.getBean(HoneypotWorker.class).drain(Duration.ofSeconds(10));
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
