package dev.portcullis.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Counts failed sign-ins per submitted username and per client address, in the database so that every node
 * shares the count, and locks them for a while when they cross the limits. Usernames are counted whether or not
 * an account exists, so a lock says nothing about which usernames are real.
 */
public class LoginThrottleService {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleService.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration LONGEST_LOCK = Duration.ofDays(1);

    private final EntityManager em;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    LoginThrottleService(EntityManager em, LoginThrottleProperties properties, Clock clock) {
        this.em = em;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether an attempt may be evaluated, and if not, until when it is refused. */
    public record Decision(boolean allowed, Instant retryAfter) {

        static final Decision ALLOW = new Decision(true, null);
    }

    @Transactional(readOnly = true)
    public Decision check(String username, String address) {
        if (!properties.isEnabled()) {
            return Decision.ALLOW;
        }
        Instant now = clock.instant();
        LoginThrottle user = em.find(LoginThrottle.class, userKey(username));
        if (user != null) {
            if (user.getLockedUntil() != null && user.getLockedUntil().isAfter(now)) {
                return new Decision(false, user.getLockedUntil());
            }
            if (user.getWindowStart().plus(HOUR).isAfter(now)
                    && user.getWindowFailures() >= properties.getMaxAttemptsPerHour()) {
                return new Decision(false, user.getWindowStart().plus(HOUR));
            }
        }
        LoginThrottle ip = em.find(LoginThrottle.class, addressKey(address));
        if (ip != null && ip.getLockedUntil() != null && ip.getLockedUntil().isAfter(now)) {
            return new Decision(false, ip.getLockedUntil());
        }
        return Decision.ALLOW;
    }

    @Transactional
    public void recordFailure(String username, String address) {
        if (!properties.isEnabled()) {
            return;
        }
        Instant now = clock.instant();
        LoginThrottle user = row(userKey(username), now);
        rollWindow(user, now, HOUR);
        user.setFailures(user.getFailures() + 1);
        user.setWindowFailures(user.getWindowFailures() + 1);
        user.setLastFailureAt(now);
        if (user.getFailures() >= properties.getMaxFailures() && !lockedAt(user, now)) {
            lock(user, now, user.getFailures());
        }
        LoginThrottle ip = row(addressKey(address), now);
        rollWindow(ip, now, properties.getAddressWindow());
        ip.setWindowFailures(ip.getWindowFailures() + 1);
        ip.setLastFailureAt(now);
        if (ip.getWindowFailures() >= properties.getMaxFailuresPerAddress() && !lockedAt(ip, now)) {
            lock(ip, now, ip.getWindowFailures());
        }
    }

    /** A successful sign-in ends the run of consecutive failures for that username. */
    @Transactional
    public void recordSuccess(String username) {
        LoginThrottle user = em.find(LoginThrottle.class, userKey(username));
        if (user != null) {
            user.setFailures(0);
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

    private static boolean lockedAt(LoginThrottle row, Instant now) {
        return row.getLockedUntil() != null && row.getLockedUntil().isAfter(now);
    }

    private static void rollWindow(LoginThrottle row, Instant now, Duration window) {
        if (!row.getWindowStart().plus(window).isAfter(now)) {
            row.setWindowStart(now);
            row.setWindowFailures(0);
        }
    }

    private LoginThrottle row(String key, Instant now) {
        LoginThrottle row = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new LoginThrottle(key, now);
            em.persist(row);
        }
        return row;
    }

    static String userKey(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (normalized.length() > 150 ? normalized.substring(0, 150) : normalized);
    }

    static String addressKey(String address) {
        return "ip:" + (address == null ? "unknown" : address);
    }
}
