package dev.portcullis.honeypot.internal;

import java.time.Instant;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * Attempts per client address: how many, first and last seen, and until when the address is blocked (the latest
 * block not lifted). Computed by the database from the attempts and blocks; read-only.
 */
@Entity
@Immutable
@Subselect("""
        select a.client_address as client_address, count(*) as attempts, min(a.attempted_at) as first_seen,
               max(a.attempted_at) as last_seen,
               (select max(b.blocked_until) from portcullis_honeypot_block b
                 where b.client_address = a.client_address and b.lifted_at is null) as blocked_until
          from portcullis_intrusion_attempt a
         group by a.client_address""")
@Synchronize({"portcullis_intrusion_attempt", "portcullis_honeypot_block"})
public class IntrusionSummary {

    @Id
    private String clientAddress;

    private long attempts;

    private Instant firstSeen;

    private Instant lastSeen;

    private Instant blockedUntil;

    protected IntrusionSummary() {
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public long getAttempts() {
        return attempts;
    }

    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public Instant getBlockedUntil() {
        return blockedUntil;
    }
}
