package dev.portcullis.perimeter.internal;

import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.core.Ordered;
import dev.portcullis.perimeter.HttpsProperties;

/**
 * With HTTPS on, the session cookie is Secure and named {@code __Host-JSESSIONID}: browsers then accept it only over
 * HTTPS, for this host and path {@code /}, and a subdomain cannot plant one. Settings made explicitly under
 * {@code server.servlet.session.cookie.*} win; the prefix is left out when a domain or path is set.
 */
public class SessionCookieCustomizer implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

    static final String HOST_PREFIXED_NAME = "__Host-JSESSIONID";

    private final HttpsProperties https;

    public SessionCookieCustomizer(HttpsProperties https) {
        this.https = https;
    }

    @Override
    public int getOrder() {
        return 10; // after Spring Boot's own customizer (order 0) has applied server.servlet.session.*
    }

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        if (!https.isEnabled()) {
            return;
        }
        Cookie cookie = factory.getSettings().getSession().getCookie();
        if (cookie.getSecure() == null) {
            cookie.setSecure(true);
        }
        boolean rootPath = cookie.getPath() == null || "/".equals(cookie.getPath());
        String contextPath = factory.getSettings().getContextPath() == null ? ""
                : factory.getSettings().getContextPath().toString();
        if (cookie.getName() == null && cookie.getDomain() == null && rootPath && contextPath.isEmpty()
                && Boolean.TRUE.equals(cookie.getSecure())) {
            cookie.setName(HOST_PREFIXED_NAME);
        }
    }
}
