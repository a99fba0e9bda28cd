package dev.portcullis.auth.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One signed-in session: who, since when, last seen when, from where, and how it ended. */
@Entity
@Table(name = "portcullis_session")
public class AdminSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** SHA-256 of the servlet session id; the id itself is never stored. */
    @Column(nullable = false, length = 64, updatable = false)
    private String sessionHash;

    @Column(nullable = false, updatable = false)
    private Long userId;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false, updatable = false)
    private Instant startedAt;

    @Column(nullable = false)
    private Instant lastSeenAt;

    private String clientAddress;

    private String userAgent;

    private Instant endedAt;

    private String endReason;

    /** The administrator who ended this session; null when the user, a timeout or a rule did. */
    private String endedBy;

    /** Browser and system, e.g. "Chrome 131 on Windows", read from the user agent at sign-in. */
    private String browser;

    protected AdminSession() {
    }

    AdminSession(String sessionHash, long userId, String username, Instant now, String clientAddress, String userAgent) {
        this.sessionHash = sessionHash;
        this.userId = userId;
        this.username = username;
        this.startedAt = now;
        this.lastSeenAt = now;
        this.clientAddress = clientAddress;
        this.userAgent = userAgent;
        this.browser = SessionLabels.browser(userAgent);
    }

    public Long getId() {
        return id;
    }

    String getSessionHash() {
        return sessionHash;
    }

    public Long getUserId() {
        return userId;
    }

    public String getUsername() {
        return username;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    void setLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = lastSeenAt;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getEndReason() {
        return endReason;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public String getBrowser() {
        return browser;
    }

    void end(Instant at, String reason, String by) {
        if (endedAt == null) {
            endedAt = at;
            endReason = reason;
            endedBy = by;
        }
    }

    @Override
    public String toString() {
        return username + " since " + startedAt;
    }
}
