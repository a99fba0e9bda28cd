package dev.portcullis.perimeter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.RawHttp;

/**
 * HTTPS on, behind a TLS-terminating proxy at 127.0.0.1: plain HTTP is redirected, HTTPS answers carry HSTS, and the
 * session cookie is {@code __Host-JSESSIONID}, Secure, HttpOnly and SameSite.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portcullis.https.enabled=true", "portcullis.trusted-proxies=127.0.0.1"})
@ActiveProfiles("test")
class HttpsTest {

    @LocalServerPort
    int port;

    @Test
    void plainHttpIsRedirectedToTheSameUrlOverHttps() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/console/book?q=lantern", "Host: shop.example.test");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("https://shop.example.test/console/book?q=lantern");
        assertThat(response.header("Content-Security-Policy")).isNotNull();
        assertThat(response.header("Strict-Transport-Security")).isNull();
        RawHttp.Response root = RawHttp.get(port, "/", "Host: shop.example.test", "X-Forwarded-Proto: http");
        assertThat(root.header("Location")).isEqualTo("https://shop.example.test/");
    }

    @Test
    void httpsAnswersCarryHstsAndAHostOnlySecureSessionCookie() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/console/login", "X-Forwarded-Proto: https");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=63072000; includeSubDomains");
        assertThat(response.headers("Set-Cookie")).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
                .contains("Secure").containsIgnoringCase("SameSite=Lax"));
        assertThat(response.headers("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("__Host-JSESSIONID=").contains("Path=/;").contains("HttpOnly").doesNotContain("Domain"));
        // Even a 404 over HTTPS carries HSTS.
        assertThat(RawHttp.get(port, "/nothing", "X-Forwarded-Proto: https").header("Strict-Transport-Security"))
                .isNotNull();
    }
}
