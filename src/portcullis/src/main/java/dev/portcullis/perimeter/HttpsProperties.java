package dev.portcullis.perimeter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HTTPS only ({@code portcullis.https.*}): redirects, HSTS, Secure cookies.
 */
@ConfigurationProperties("portcullis.https")
public class HttpsProperties {

    /** HSTS shorter than this is refused: browsers' preload lists ask for at least a year. */
    static final Duration MIN_HSTS = Duration.ofDays(365);

    /**
     * Serve over HTTPS only: plain-HTTP requests are redirected, HSTS is sent, cookies are Secure and the session
     * cookie is named __Host-JSESSIONID. Off only for local development and tests.
     */
    private boolean enabled = true;

    /** How long browsers must use HTTPS only (Strict-Transport-Security max-age); at least 365 days. */
    private Duration hstsMaxAge = Duration.ofDays(730);

    /** Whether HSTS also covers every subdomain. */
    private boolean hstsIncludeSubdomains = true;

    /** Whether to ask for inclusion in browsers' HSTS preload lists (hard to undo: opt in deliberately). */
    private boolean hstsPreload = false;

    /** Port that redirects to HTTPS point to (443 leaves the port out of the URL). */
    private int port = 443;

    /**
     * A second, plain-HTTP port that only redirects to HTTPS, e.g. 80, for a server that terminates TLS itself
     * (server.ssl.bundle). Unset (the default): no second port.
     */
    private Integer redirectFromPort;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getHstsMaxAge() {
        return hstsMaxAge;
    }

    public void setHstsMaxAge(Duration hstsMaxAge) {
        if (hstsMaxAge == null || hstsMaxAge.compareTo(MIN_HSTS) < 0) {
            throw new IllegalArgumentException("'portcullis.https.hsts-max-age' must be at least 365d (was "
                    + hstsMaxAge + "); browsers treat shorter HSTS as weak");
        }
        this.hstsMaxAge = hstsMaxAge;
    }

    public boolean isHstsIncludeSubdomains() {
        return hstsIncludeSubdomains;
    }

    public void setHstsIncludeSubdomains(boolean hstsIncludeSubdomains) {
        this.hstsIncludeSubdomains = hstsIncludeSubdomains;
    }

    public boolean isHstsPreload() {
        return hstsPreload;
    }

    public void setHstsPreload(boolean hstsPreload) {
        this.hstsPreload = hstsPreload;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'portcullis.https.port' must be 1-65535 (was " + port + ")");
        }
        this.port = port;
    }

    public Integer getRedirectFromPort() {
        return redirectFromPort;
    }

    public void setRedirectFromPort(Integer redirectFromPort) {
        if (redirectFromPort != null && (redirectFromPort < 0 || redirectFromPort > 65535)) {
            throw new IllegalArgumentException("'portcullis.https.redirect-from-port' must be 0-65535 (was "
                    + redirectFromPort + ")");
        }
        this.redirectFromPort = redirectFromPort;
    }

    /** The Strict-Transport-Security value these settings give. */
    public String hstsHeader() {
        return "max-age=" + hstsMaxAge.toSeconds() + (hstsIncludeSubdomains ? "; includeSubDomains" : "")
                + (hstsPreload ? "; preload" : "");
    }
}
