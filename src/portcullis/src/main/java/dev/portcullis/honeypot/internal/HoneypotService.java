package dev.portcullis.honeypot.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import dev.portcullis.perimeter.IpRange;

import jakarta.persistence.EntityManager;
import dev.portcullis.honeypot.HoneypotProperties;

/**
 * Records honeypot attempts within their caps, blocks addresses that keep trying, answers whether an address is
 * blocked, and deletes what is past retention. Everything lives in the database, so every node sees the same
 * attempts and blocks.
 */
public class HoneypotService {

    private static final Logger log = LoggerFactory.getLogger(HoneypotService.class);
    private static final Duration HOUR = Duration.ofHours(1);

    private final EntityManager em;
    private final HoneypotProperties properties;
    private final List<IpRange> exempt;
    private final Clock clock;

    public HoneypotService(EntityManager em, HoneypotProperties properties, Clock clock) {
        this.em = em;
        this.properties = properties;
        this.exempt = IpRange.parseAll(properties.getExemptNetworks());
        this.clock = clock;
    }

    /**
     * What one attempt led to.
     *
     * @param attempt the stored attempt, or null when a cap kept it from being stored
     * @param firstFromAddress true when nothing from this address was stored before
     * @param blocked a block this attempt started, or null
     */
    public record Outcome(IntrusionAttempt attempt, boolean firstFromAddress, HoneypotBlock blocked) {
    }

    /** Records an attempt (never a password) unless a cap is reached, and blocks the address when it is time. */
    @Transactional
    public Outcome record(String address, String userAgent, String username, String path, String method) {
        return record(address, userAgent, username, path, method, false);
    }

    /**
     * As {@link #record(String, String, String, String, String)}; a cross-site attempt (another site's page made a
     * browser send it) is recorded but neither counts towards nor starts a block.
     */
    @Transactional
    public Outcome record(String address, String userAgent, String username, String path, String method,
            boolean crossSite) {
        Instant now = clock.instant();
        Instant hourAgo = now.minus(HOUR);
        String client = IntrusionAttempt.clip(address, 64);
        IntrusionAttempt stored = null;
        boolean first = false;
        if (countSince(client, hourAgo) < properties.getMaxRecordedPerAddress()
                && countSince(null, hourAgo) < properties.getMaxRecordedPerHour()) {
            first = em.createQuery("select a.id from IntrusionAttempt a where a.clientAddress = :address", Long.class)
                    .setParameter("address", client).setMaxResults(1).getResultList().isEmpty();
            stored = new IntrusionAttempt(now, client, userAgent, username, path, method, crossSite);
            em.persist(stored);
        }
        HoneypotBlock block = null;
        long recent = crossSite ? 0 : countSince(client, now.minus(properties.getBlockWindow()), true);
        if (recent >= properties.getBlockAfter() && !isExempt(client) && activeBlock(client, now) == null) {
            block = new HoneypotBlock(client, now, now.plus(properties.getBlockDuration()), (int) recent);
            em.persist(block);
            log.warn("Honeypot: blocked {} until {} after {} attempts within {}", client, block.getBlockedUntil(),
                    recent, properties.getBlockWindow());
        }
        return new Outcome(stored, first, block);
    }

    /** True when the address is blocked now and not in an exempt network. */
    @Transactional(readOnly = true)
    public boolean isBlocked(String address) {
        return address != null && !isExempt(address) && activeBlock(address, clock.instant()) != null;
    }

    /** Lifts a block early, recording who did it. */
    @Transactional
    public void lift(long blockId, String by) {
        HoneypotBlock block = em.find(HoneypotBlock.class, blockId);
        if (block != null && block.getLiftedAt() == null) {
            block.lift(clock.instant(), by);
            log.info("Honeypot block on {} lifted by {}", block.getClientAddress(), by);
        }
    }

    /** Deletes attempts, and blocks that ended, older than the retention period. Returns the attempts deleted. */
    @Transactional
    public int purge() {
        Instant cutoff = clock.instant().minus(properties.getRetention());
        int attempts = em.createQuery("delete from IntrusionAttempt a where a.attemptedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
        em.createQuery("delete from HoneypotBlock b where b.blockedUntil < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
        if (attempts > 0) {
            log.info("Honeypot: deleted {} attempts older than {}", attempts, properties.getRetention());
        }
        return attempts;
    }

    boolean isExempt(String address) {
        return IpRange.anyContains(exempt, address);
    }

    private HoneypotBlock activeBlock(String address, Instant now) {
        return em.createQuery("select b from HoneypotBlock b where b.clientAddress = :address and b.liftedAt is null "
                        + "and b.blockedUntil > :now", HoneypotBlock.class)
                .setParameter("address", address).setParameter("now", now).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    private long countSince(String address, Instant since) {
        return countSince(address, since, false);
    }

    private long countSince(String address, Instant since, boolean sameSiteOnly) {
        var query = em.createQuery("select count(a) from IntrusionAttempt a where a.attemptedAt > :since"
                + (address == null ? "" : " and a.clientAddress = :address")
                + (sameSiteOnly ? " and a.crossSite = false" : ""), Long.class)
                .setParameter("since", since);
        if (address != null) {
            query.setParameter("address", address);
        }
        return query.getSingleResult();
    }
}
