package dev.portcullis.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The start-up line names the scheme the server really speaks. */
class AdminUrlAnnouncerTest {

    @Test
    void aPlainServerIsAnnouncedWithHttp() {
        assertThat(AdminUrlAnnouncer.url(new MockEnvironment(), 8080, "/console"))
                .isEqualTo("http://localhost:8080/console/");
    }

    @Test
    void aServerWithTlsIsAnnouncedWithHttps() {
        MockEnvironment tls = new MockEnvironment().withProperty("server.ssl.bundle", "web");
        assertThat(AdminUrlAnnouncer.url(tls, 8443, "/console")).isEqualTo("https://localhost:8443/console/");
        MockEnvironment keyStore = new MockEnvironment().withProperty("server.ssl.key-store", "classpath:web.p12");
        assertThat(AdminUrlAnnouncer.url(keyStore, 8443, "/console")).startsWith("https://");
    }

    @Test
    void tlsSwitchedOffIsAnnouncedWithHttp() {
        MockEnvironment off = new MockEnvironment().withProperty("server.ssl.bundle", "web")
                .withProperty("server.ssl.enabled", "false");
        assertThat(AdminUrlAnnouncer.url(off, 8080, "/console")).startsWith("http://");
    }
}
