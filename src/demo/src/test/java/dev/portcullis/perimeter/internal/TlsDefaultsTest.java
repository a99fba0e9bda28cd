package dev.portcullis.perimeter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.perimeter.AdminAccessProperties;
import dev.portcullis.perimeter.HeadersProperties;
import dev.portcullis.perimeter.HttpsProperties;
import dev.portcullis.perimeter.PerimeterProperties;

/** Mozilla's intermediate suites by default when this server terminates TLS; weaker configured suites reported. */
class TlsDefaultsTest {

    private static MockEnvironment withDefaults(String... properties) {
        MockEnvironment environment = new MockEnvironment();
        for (String property : properties) {
            environment.setProperty(property.substring(0, property.indexOf('=')),
                    property.substring(property.indexOf('=') + 1));
        }
        new TlsDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static List<CheckMessage> w061(MockEnvironment environment) {
        return new PerimeterChecks(environment, new PerimeterProperties(), new AdminAccessProperties(),
                new HttpsProperties(), new HeadersProperties()).run().stream()
                .filter(m -> m.id().equals("security.W061")).toList();
    }

    @Test
    void aServerWithItsOwnKeyGetsTheIntermediateSuitesAndTls12And13() {
        MockEnvironment environment = withDefaults("server.ssl.key-store=classpath:server.p12");
        assertThat(environment.getProperty("server.ssl.ciphers")).isEqualTo(String.join(",",
                TlsDefaults.INTERMEDIATE_CIPHERS)).doesNotContain("CBC").doesNotContain("_SHA,");
        assertThat(environment.getProperty("server.ssl.enabled-protocols")).isEqualTo("TLSv1.2,TLSv1.3");
        assertThat(w061(environment)).isEmpty();
    }

    @Test
    void aServerUsingAnSslBundleGetsTheDefaultsOnThatBundle() {
        MockEnvironment environment = withDefaults("server.ssl.bundle=web",
                "spring.ssl.bundle.jks.web.keystore.location=classpath:server.p12");
        assertThat(environment.getProperty("spring.ssl.bundle.jks.web.options.ciphers"))
                .startsWith("TLS_AES_128_GCM_SHA256");
        assertThat(environment.getProperty("server.ssl.ciphers")).isNull();
    }

    @Test
    void noTlsHereNoDefaults() {
        // Any server.ssl.* setting would switch TLS on and fail a start without key material.
        assertThat(withDefaults("server.port=8080").getProperty("server.ssl.ciphers")).isNull();
    }

    @Test
    void configuredSettingsWinOverTheDefaults() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("server.ssl.certificate", "file:server.pem");
        environment.setProperty("server.ssl.ciphers", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        new TlsDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.ssl.ciphers")).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void weakerConfiguredSuitesAreW061WithTheReason() {
        MockEnvironment environment = withDefaults("server.ssl.certificate=file:server.pem",
                "server.ssl.ciphers=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,ECDHE-RSA-AES128-SHA,"
                        + "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_GCM_SHA384,DES-CBC3-SHA,"
                        + "ECDHE-RSA-CHACHA20-POLY1305,TLS_AES_256_GCM_SHA384");
        assertThat(w061(environment)).extracting(CheckMessage::message).containsExactly(
                "server.ssl.ciphers includes ECDHE-RSA-AES128-SHA: CBC mode (padding-oracle attacks such as Lucky13).",
                "server.ssl.ciphers includes TLS_DHE_RSA_WITH_AES_128_GCM_SHA256: finite-field DHE key exchange (slow,"
                        + " weak parameters on old clients).",
                "server.ssl.ciphers includes TLS_RSA_WITH_AES_256_GCM_SHA384: RSA key exchange (no forward secrecy).",
                "server.ssl.ciphers includes DES-CBC3-SHA: broken (no or weak encryption).");
    }
}
