package dev.portcullis.auth.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Failure counters for one submitted username ({@code user:...}), client address ({@code ip:...}) or username from
 * one address ({@code pair:<address>/<username>}).
 */
@Entity
@Table(name = "portcullis_login_throttle")
public class LoginThrottle {

    @Id
    @Column(name = "throttle_key", length = 300)
    private String key;

    /** Consecutive failures since the last success or unlock, including attempts still being evaluated. */
    private int failures;

    /** Start of the current one-hour (or address) counting window. */
    private Instant windowStart;

    /** Failures within the current window. */
    private int windowFailures;

    private Instant lastFailureAt;

    private Instant lockedUntil;

    /** Locks so far; each doubles the next lock's length. */
    private int locks;

    @Version
    private long version;

    protected LoginThrottle() {
    }

    LoginThrottle(String key, Instant now) {
        this.key = key;
        this.windowStart = now;
    }

    String getKey() {
        return key;
    }

    int getFailures() {
        return failures;
    }

    void setFailures(int failures) {
        this.failures = failures;
    }

    Instant getWindowStart() {
        return windowStart;
    }

    void setWindowStart(Instant windowStart) {
        this.windowStart = windowStart;
    }

    int getWindowFailures() {
        return windowFailures;
    }

    void setWindowFailures(int windowFailures) {
        this.windowFailures = windowFailures;
    }

    /** When the last attempt took a slot (it counts as a failure until given back). */
    Instant getLastFailureAt() {
        return lastFailureAt;
    }

    void setLastFailureAt(Instant lastFailureAt) {
        this.lastFailureAt = lastFailureAt;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    int getLocks() {
        return locks;
    }

    void setLocks(int locks) {
        this.locks = locks;
    }
}
