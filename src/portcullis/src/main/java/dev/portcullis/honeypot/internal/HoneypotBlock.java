package dev.portcullis.honeypot.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A client address kept away from the real admin (or the whole site) after too many honeypot attempts. Stored in
 * the database so that every node honours it; administrators lift blocks, nobody edits or deletes them.
 */
@Entity
@Table(name = "portcullis_honeypot_block")
public class HoneypotBlock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 64)
    private String clientAddress;

    @Column(nullable = false)
    private Instant blockedAt;

    @Column(nullable = false)
    private Instant blockedUntil;

    private int attempts;

    private Instant liftedAt;

    private String liftedBy;

    protected HoneypotBlock() {
    }

    HoneypotBlock(String clientAddress, Instant blockedAt, Instant blockedUntil, int attempts) {
        this.clientAddress = clientAddress;
        this.blockedAt = blockedAt;
        this.blockedUntil = blockedUntil;
        this.attempts = attempts;
    }

    public Long getId() {
        return id;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public Instant getBlockedAt() {
        return blockedAt;
    }

    public Instant getBlockedUntil() {
        return blockedUntil;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getLiftedAt() {
        return liftedAt;
    }

    public String getLiftedBy() {
        return liftedBy;
    }

    boolean activeAt(Instant now) {
        return liftedAt == null && blockedUntil.isAfter(now);
    }

    void lift(Instant at, String by) {
        this.liftedAt = at;
        this.liftedBy = by;
    }
}
