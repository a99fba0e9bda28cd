package dev.portcullis.honeypot.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One request to the fake admin login that tried to sign in: when, from where, with which browser and username.
 * Never the password. Read-only history: only the retention job deletes attempts.
 */
@Entity
@Table(name = "portcullis_intrusion_attempt")
public class IntrusionAttempt {

    static final int MAX_USERNAME = 150;
    static final int MAX_USER_AGENT = 255;
    static final int MAX_PATH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant attemptedAt;

    @Column(nullable = false, length = 64)
    private String clientAddress;

    private String userAgent;

    private String username;

    @Column(nullable = false)
    private String path;

    @Column(nullable = false, length = 10)
    private String method;

    private Instant alertedAt;

    /** Sent by a browser on behalf of another site: recorded, but never counted towards a block. */
    @Column(nullable = false)
    private boolean crossSite;

    protected IntrusionAttempt() {
    }

    IntrusionAttempt(Instant attemptedAt, String clientAddress, String userAgent, String username, String path,
            String method) {
        this.attemptedAt = attemptedAt;
        this.clientAddress = clip(clientAddress, 64);
        this.userAgent = clip(userAgent, MAX_USER_AGENT);
        this.username = clip(username, MAX_USERNAME);
        this.path = clip(path, MAX_PATH);
        this.method = clip(method, 10);
    }

    IntrusionAttempt(Instant attemptedAt, String clientAddress, String userAgent, String username, String path,
            String method, boolean crossSite) {
        this(attemptedAt, clientAddress, userAgent, username, path, method);
        this.crossSite = crossSite;
    }

    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        // Control characters would let a visitor forge lines in a log or an alert e-mail.
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    public boolean isCrossSite() {
        return crossSite;
    }

    public Long getId() {
        return id;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getUsername() {
        return username;
    }

    public String getPath() {
        return path;
    }

    public String getMethod() {
        return method;
    }

    public Instant getAlertedAt() {
        return alertedAt;
    }

    void alerted(Instant at) {
        this.alertedAt = at;
    }
}
