package dev.portcullis.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import dev.portcullis.auth.LoginThrottleProperties;

/**
 * Counts sign-in attempts per submitted username (or username and address, see
 * {@link LoginThrottleProperties#getLockBy()}) and per client address, in the database so that every node shares the
 * count, and locks them for a while when they cross the limits. Usernames are counted whether or not an account
 * exists, so a lock says nothing about which usernames are real.
 * <p>
 * An attempt takes its slot <em>before</em> its password or code is looked at ({@link #reserve}): the counters'
 * rows are locked, the limits checked and the attempt counted as a failure in one transaction. So however many
 * attempts arrive at once, no more than the limit are ever evaluated. A right password gives its slot back
 * ({@link #passed}, {@link #succeeded}); a wrong one keeps it spent and may lock ({@link #failed}).
 */
public class LoginThrottleService {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleService.class);
    private static final Duration LONGEST_LOCK = Duration.ofDays(1);
    /** SQLSTATE of a unique violation, on H2 and PostgreSQL alike. */
    private static final String DUPLICATE_KEY = "23505";

    private final EntityManager em;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    public LoginThrottleService(EntityManager em, LoginThrottleProperties properties, Clock clock) {
        this.em = em;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether an attempt may be evaluated, and if not, until when it is refused. */
    public record Decision(boolean allowed, Instant retryAfter) {

        static final Decision ALLOW = new Decision(true, null);
    }

    /** One sign-in attempt's slot: allowed (and counted as a failure until it is given back) or refused. */
    public record Attempt(String username, String address, Decision decision) {

        public boolean allowed() {
            return decision.allowed();
        }
    }

    /**
     * Takes a slot for one attempt at {@code username} from {@code address}: refused while either is locked or at
     * its limit; otherwise counted now, before the password or code is evaluated.
     */
    @Transactional
    public Attempt reserve(String username, String address) {
        if (!properties.isEnabled()) {
            return new Attempt(username, address, Decision.ALLOW);
        }
        Instant now = clock.instant();
        LoginCounters counters = lock(username, address, now);
        counters.reopenExpired(now);
        Decision refused = counters.refusal(now, true);
        if (refused == null) {
            counters.count(now);
        } else {
            lockWhereDue(counters, now, true);
        }
        return new Attempt(username, address, refused == null ? Decision.ALLOW : refused);
    }

    /** The attempt's password or code was wrong: its slot stays spent, and a counter at its limit is locked. */
    @Transactional
    public void failed(Attempt attempt) {
        if (properties.isEnabled() && attempt.allowed()) {
            Instant now = clock.instant();
            lockWhereDue(lock(attempt.username(), attempt.address(), now), now, false);
        }
    }

    /**
     * The attempt's password was right but the sign-in is not finished (a second factor is owed): the slot is given
     * back and the run of failures stays as it was, so a known password does not buy fresh code attempts.
     */
    @Transactional
    public void passed(Attempt attempt) {
        if (properties.isEnabled() && attempt.allowed()) {
            lock(attempt.username(), attempt.address(), clock.instant()).giveBack();
        }
    }

    /** The attempt finished a sign-in: its slot is given back and the run of failures ends. */
    @Transactional
    public void succeeded(Attempt attempt) {
        if (properties.isEnabled() && attempt.allowed()) {
            LoginCounters counters = lock(attempt.username(), attempt.address(), clock.instant());
            counters.giveBack();
            counters.identity().setFailures(0);
        }
    }

    /** Whether an attempt would be allowed now; counts nothing. */
    @Transactional(readOnly = true)
    public Decision check(String username, String address) {
        if (!properties.isEnabled()) {
            return Decision.ALLOW;
        }
        Instant now = clock.instant();
        LoginCounters counters = new LoginCounters(properties, find(identityKey(username, address)),
                find(userKey(username)), find(addressKey(address)));
        Decision refused = counters.refusal(now, false);
        return refused == null ? Decision.ALLOW : refused;
    }

    /** Counts one failure whether or not a slot was free; for checks that cannot take a slot first. */
    @Transactional
    public void recordFailure(String username, String address) {
        if (!properties.isEnabled()) {
            return;
        }
        Instant now = clock.instant();
        LoginCounters counters = lock(username, address, now);
        counters.count(now);
        lockWhereDue(counters, now, false);
    }

    /** A successful sign-in ends the run of consecutive failures for that username (and address). */
    @Transactional
    public void recordSuccess(String username, String address) {
        LoginThrottle identity = find(identityKey(username, address));
        if (identity != null) {
            identity.setFailures(0);
        }
    }

    /** Lifts a lock early, recording who did it. */
    @Transactional
    public void unlock(String target, String by) {
        Instant now = clock.instant();
        LoginThrottle row = em.find(LoginThrottle.class, target, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            row.setLockedUntil(null);
            row.setFailures(0);
            row.setWindowFailures(0);
        }
        List<LoginLock> open = em.createQuery("select l from LoginLock l where l.target = :target and l.unlockedAt is null",
                LoginLock.class).setParameter("target", target).getResultList();
        open.forEach(lock -> lock.lift(now, by));
        log.info("Sign-in lock on {} lifted by {}", target, by);
    }

    /**
     * The counters of one attempt, their rows created when missing and locked, always in key order so that two
     * attempts never wait for each other's rows in a cycle.
     */
    private LoginCounters lock(String username, String address, Instant now) {
        String identityKey = identityKey(username, address);
        String userKey = userKey(username);
        String addressKey = addressKey(address);
        Map<String, LoginThrottle> rows = new TreeMap<>();
        for (String key : new TreeSet<>(List.of(identityKey, userKey, addressKey))) {
            rows.put(key, lockOrCreate(key, now));
        }
        return new LoginCounters(properties, rows.get(identityKey), rows.get(userKey), rows.get(addressKey));
    }

    /**
     * Locks the username (or pair) and the address where their failures have reached the limits; {@code stale}: only
     * those that have waited at their limit longer than any evaluation takes.
     */
    private void lockWhereDue(LoginCounters counters, Instant now, boolean stale) {
        for (LoginThrottle row : counters.dueForLock(now, stale)) {
            lock(row, now, counters.failures(row));
        }
    }

    /**
     * The row for {@code key}, locked for this transaction, inserted first when missing. Two attempts may insert the
     * same new key at once; the loser's insert fails on the primary key, is rolled back to a savepoint (so the rest
     * of the transaction carries on, on PostgreSQL too) and it locks the winner's row.
     */
    private LoginThrottle lockOrCreate(String key, Instant now) {
        LoginThrottle row = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            return row;
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            java.sql.Savepoint savepoint = connection.setSavepoint();
            try (java.sql.PreparedStatement insert = connection.prepareStatement("insert into portcullis_login_throttle"
                    + " (throttle_key, failures, window_start, window_failures, locks, version)"
                    + " values (?, 0, ?, 0, 0, 0)")) {
                insert.setString(1, key);
                insert.setObject(2, now.atOffset(java.time.ZoneOffset.UTC));
                insert.executeUpdate();
                connection.releaseSavepoint(savepoint);
            } catch (java.sql.SQLException raced) {
                if (!DUPLICATE_KEY.equals(raced.getSQLState())) {
                    throw raced;
                }
                connection.rollback(savepoint);
            }
        });
        return em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    private LoginThrottle find(String key) {
        return em.find(LoginThrottle.class, key);
    }

    private void lock(LoginThrottle row, Instant now, int failures) {
        Duration length = properties.getLockDuration().multipliedBy(1L << Math.min(row.getLocks(), 10));
        if (length.compareTo(LONGEST_LOCK) > 0) {
            length = LONGEST_LOCK;
        }
        row.setLocks(row.getLocks() + 1);
        row.setLockedUntil(now.plus(length));
        em.persist(new LoginLock(row.getKey(), now, row.getLockedUntil(), failures));
        log.warn("Locked sign-in for {} until {} after {} failures", row.getKey(), row.getLockedUntil(), failures);
    }

    /** The key whose consecutive failures lock: the username, or the username from this address. */
    String identityKey(String username, String address) {
        return properties.getLockBy() == LoginThrottleProperties.LockBy.USERNAME_AND_ADDRESS
                ? pairKey(username, address) : userKey(username);
    }

    static String userKey(String username) {
        return "user:" + normalize(username);
    }

    static String addressKey(String address) {
        return "ip:" + (address == null ? "unknown" : address);
    }

    /** An address never contains '/', so the key cannot be mistaken for another pair's or a username's. */
    static String pairKey(String username, String address) {
        return "pair:" + (address == null ? "unknown" : address) + "/" + normalize(username);
    }

    private static String normalize(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return normalized.length() > 150 ? normalized.substring(0, 150) : normalized;
    }
}
