package dev.portcullis.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long signed-in sessions last ({@code portcullis.session.*}). */
@ConfigurationProperties("portcullis.session")
public class SessionProperties {

    /** A session without user activity ends after this long; Vaadin's heartbeat does not count as activity. */
    private Duration idleTimeout = Duration.ofMinutes(30);

    /** A session ends this long after sign-in, however active it is. */
    private Duration absoluteTimeout = Duration.ofHours(12);

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Duration getAbsoluteTimeout() {
        return absoluteTimeout;
    }

    public void setAbsoluteTimeout(Duration absoluteTimeout) {
        this.absoluteTimeout = absoluteTimeout;
    }
}
