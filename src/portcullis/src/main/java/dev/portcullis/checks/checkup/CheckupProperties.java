package dev.portcullis.checks.checkup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The live checkup ({@code portcullis.checkup.*}). */
@ConfigurationProperties("portcullis.checkup")
public class CheckupProperties {

    /**
     * The public URL or host name to probe, such as https://shop.example.com; unset: the address the audit view was
     * opened at (the application's own external URL). A bare host is probed on ports 80 and 443, as the Observatory does.
     */
    private String url;

    /** How long each request of the checkup may take. */
    private Duration timeout = Duration.ofSeconds(10);

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        if (url != null && url.contains("://") && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("'portcullis.checkup.url' must be an http(s) URL or a host name");
        }
        this.url = url == null || url.isBlank() ? null : url;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("'portcullis.checkup.timeout' must be between 1ms and 1m");
        }
        this.timeout = timeout;
    }
}
