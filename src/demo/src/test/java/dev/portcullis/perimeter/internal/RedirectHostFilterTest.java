package dev.portcullis.perimeter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import dev.portcullis.perimeter.AdminAccessProperties;
import dev.portcullis.perimeter.HeadersProperties;
import dev.portcullis.perimeter.HttpsProperties;

/** A forged Host header never becomes the host of a redirect. */
class RedirectHostFilterTest {

    private static MockHttpServletRequest request(String host, boolean secure) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/");
        request.setServerName(host);
        request.setScheme(secure ? "https" : "http");
        request.setServerPort(secure ? 443 : 80);
        request.setSecure(secure);
        return request;
    }

    private static RedirectHostFilter filter(String... allowed) {
        AdminAccessProperties access = new AdminAccessProperties();
        access.setAllowedHosts(List.of(allowed));
        return new RedirectHostFilter(access);
    }

    @Test
    void withoutAllowedHostsARedirectToTheRequestsOwnHostBecomesRelative() {
        assertThat(filter().safe(request("evil.example", true), "https://evil.example/console/login?error#x"))
                .isEqualTo("/console/login?error#x");
        assertThat(filter().safe(request("evil.example", true), "https://evil.example"))
                .isEqualTo("/");
    }

    @Test
    void anUnlistedHostIsReplacedByTheFirstAllowedOne() {
        assertThat(filter("admin.example.com", "admin2.example.com")
                .safe(request("evil.example", true), "https://evil.example:8443/console/login"))
                .isEqualTo("https://admin.example.com:8443/console/login");
        assertThat(filter("[2001:db8::1]").safe(request("evil.example", true), "https://evil.example/x"))
                .isEqualTo("https://[2001:db8::1]/x");
    }

    @Test
    void listedHostsRelativeLocationsAndOtherSitesAreLeftAlone() {
        RedirectHostFilter filter = filter("admin.example.com");
        assertThat(filter.safe(request("admin.example.com", true), "https://admin.example.com/console/"))
                .isEqualTo("https://admin.example.com/console/");
        assertThat(filter.safe(request("evil.example", true), "/console/login")).isEqualTo("/console/login");
        assertThat(filter.safe(request("evil.example", true), "https://idp.example.org/authorize"))
                .isEqualTo("https://idp.example.org/authorize");
    }

    @Test
    void redirectsAndLocationHeadersSetDownstreamAreRewritten() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter().doFilter(request("evil.example", false), response,
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req,
                            jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
                        res.sendRedirect("http://evil.example/console/login");
                    }
                }));
        assertThat(response.getRedirectedUrl()).isEqualTo("/console/login");
    }

    @Test
    void theHttpsRedirectNamesAnAllowedHostNotAForgedOne() throws Exception {
        HttpsProperties https = new HttpsProperties();
        var headers = new SecurityHeadersFilter(https, new HeadersProperties(), new SecureRandom(),
                List.of("admin.example.com"));
        MockHttpServletResponse forged = new MockHttpServletResponse();
        headers.doFilter(request("evil.example", false), forged, new MockFilterChain());
        assertThat(forged.getStatus()).isEqualTo(301);
        assertThat(forged.getHeader("Location")).isEqualTo("https://admin.example.com/console/");

        MockHttpServletResponse listed = new MockHttpServletResponse();
        headers.doFilter(request("admin.example.com", false), listed, new MockFilterChain());
        assertThat(listed.getHeader("Location")).isEqualTo("https://admin.example.com/console/");
    }
}
