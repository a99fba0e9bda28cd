package dev.portcullis.perimeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.RawHttp;

/** Every kind of response carries the security headers, and none names a server or version. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersHttpTest {

    @LocalServerPort
    int port;

    @Test
    void everyScriptOfTheBootstrapPageCarriesThisResponsesNonce() throws Exception {
        RawHttp.Response first = RawHttp.get(port, "/console/login");
        RawHttp.Response second = RawHttp.get(port, "/console/login");
        String nonce = nonce(first);
        assertThat(nonce).isNotEqualTo(nonce(second));
        Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(first.body());
        int count = 0;
        while (scripts.find()) {
            assertThat(scripts.group()).contains("nonce=\"" + nonce + "\"");
            count++;
        }
        assertThat(count).isGreaterThan(1);
    }

    private static String nonce(RawHttp.Response response) {
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(response.header("Content-Security-Policy"));
        assertThat(nonce.find()).isTrue();
        return nonce.group(1);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET,     /console/login,                          200",
        "GET,     /console/,                               302",
        "GET,     /console/themes/portcullis/portcullis.css, 200",
        "GET,     /console/lumo/lumo.css,                  200",
        "GET,     /console/favicon.svg,                    200",
        "GET,     /,                                       404",
        "GET,     /no/such/page.html,                      404",
        "GET,     /console/VAADIN/no-such-file.js,         404",
        "HEAD,    /console/login,                          200",
        "TRACE,   /console/login,                          405",
        "TRACE,   /,                                       405",
        "POST,    /console/login,                          403",
        "DELETE,  /,                                       404"})
    void everyResponseCarriesTheSecurityHeaders(String method, String path, int status) throws Exception {
        String body = method.equals("POST") ? "username=x&password=y" : null;
        RawHttp.Response response = RawHttp.send(port, method, path, body,
                "Content-Type: application/x-www-form-urlencoded");
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'")
                .contains("frame-ancestors 'none'").contains("form-action 'self'").contains("object-src 'none'")
                .contains("base-uri 'self'").containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/]{24}'")
                .doesNotContainPattern("script-src[^;]*'unsafe-inline'").doesNotContain("*");
        assertThat(response.headers("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.header("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
        assertThat(response.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
        assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
        assertThat(response.header("Server")).isNull();
        assertThat(response.header("X-Powered-By")).isNull();
        // HTTPS is off in the test profile: no HSTS over plain HTTP (browsers ignore it there anyway).
        assertThat(response.header("Strict-Transport-Security")).isNull();
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache");
    }
}
