package dev.portcullis.auth.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A record of one lock: which username or address, when, until when, after how many failures, and who lifted it.
 * Records are history: the admin lists them and can lift a lock, but never edits or deletes one.
 */
@Entity
@Table(name = "portcullis_login_lock")
public class LoginLock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** {@code user:<username>} or {@code ip:<address>}. */
    @Column(name = "throttle_key", nullable = false, length = 300)
    private String target;

    @Column(nullable = false)
    private Instant lockedAt;

    @Column(nullable = false)
    private Instant lockedUntil;

    private int failures;

    private Instant unlockedAt;

    private String unlockedBy;

    protected LoginLock() {
    }

    LoginLock(String target, Instant lockedAt, Instant lockedUntil, int failures) {
        this.target = target;
        this.lockedAt = lockedAt;
        this.lockedUntil = lockedUntil;
        this.failures = failures;
    }

    public Long getId() {
        return id;
    }

    public String getTarget() {
        return target;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getUnlockedAt() {
        return unlockedAt;
    }

    public String getUnlockedBy() {
        return unlockedBy;
    }

    void lift(Instant at, String by) {
        this.unlockedAt = at;
        this.unlockedBy = by;
    }

    @Override
    public String toString() {
        return target + " until " + lockedUntil;
    }
}
