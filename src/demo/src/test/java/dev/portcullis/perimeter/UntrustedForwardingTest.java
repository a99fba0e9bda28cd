package dev.portcullis.perimeter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.RawHttp;

/** Without trusted proxies, a client cannot talk its way into an allowed network with forwarded headers. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portcullis.admin.allowed-networks=203.0.113.0/24")
@ActiveProfiles("test")
class UntrustedForwardingTest {

    @LocalServerPort
    int port;

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        assertThat(RawHttp.get(port, "/console/login", "X-Forwarded-For: 203.0.113.5").status()).isEqualTo(404);
        assertThat(RawHttp.get(port, "/console/login", "Forwarded: for=203.0.113.5").status()).isEqualTo(404);
        assertThat(RawHttp.get(port, "/console/login", "X-Real-IP: 203.0.113.5").status()).isEqualTo(404);
    }
}
