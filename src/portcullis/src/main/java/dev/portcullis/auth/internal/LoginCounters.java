package dev.portcullis.auth.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.portcullis.auth.LoginThrottleProperties;

/**
 * The throttling rules, applied to one attempt's three counters: consecutive failures of the username (or of the
 * username from this address), attempts per username per hour, and failures from the address. When locking by
 * username the first two are one row. Rows may be null only for a read-only check.
 */
final class LoginCounters {

    private static final Duration HOUR = Duration.ofHours(1);
    /**
     * How long a counter may sit at its limit without a lock while the attempts that took its last slots are being
     * evaluated. Evaluating takes well under a second; a counter left so for longer (a node stopped mid-attempt)
     * is locked at the next attempt.
     */
    static final Duration IN_FLIGHT = Duration.ofMinutes(1);

    private final LoginThrottleProperties properties;
    private final LoginThrottle identity;
    private final LoginThrottle user;
    private final LoginThrottle address;

    LoginCounters(LoginThrottleProperties properties, LoginThrottle identity, LoginThrottle user,
            LoginThrottle address) {
        this.properties = properties;
        this.identity = identity;
        this.user = user;
        this.address = address;
    }

    LoginThrottle identity() {
        return identity;
    }

    /** Starts new counting windows, and after an expired lock leaves one attempt before the next, longer lock. */
    void reopenExpired(Instant now) {
        roll(user, now, HOUR);
        roll(address, now, properties.getAddressWindow());
        if (expiredLock(identity, now)) {
            identity.setLockedUntil(null);
            identity.setFailures(Math.min(identity.getFailures(), properties.getMaxFailures() - 1));
        }
        if (expiredLock(address, now)) {
            address.setLockedUntil(null);
            address.setWindowFailures(Math.min(address.getWindowFailures(), properties.getMaxFailuresPerAddress() - 1));
        }
    }

    /**
     * Why an attempt is refused now, or null. A counter at its limit without a lock refuses too: the attempts that
     * filled it are still being evaluated. A read-only check ({@code reopened} false) lets an expired lock pass,
     * since {@link #reopenExpired} has not run.
     */
    LoginThrottleService.Decision refusal(Instant now, boolean reopened) {
        if (identity != null) {
            if (lockedAt(identity, now)) {
                return refused(identity.getLockedUntil());
            }
            if (identityAtLimit() && (reopened || identity.getLockedUntil() == null)) {
                return refused(inFlightUntil(identity));
            }
        }
        if (user != null && user.getWindowStart().plus(HOUR).isAfter(now)
                && user.getWindowFailures() >= properties.getMaxAttemptsPerHour()) {
            return refused(user.getWindowStart().plus(HOUR));
        }
        if (address != null) {
            if (lockedAt(address, now)) {
                return refused(address.getLockedUntil());
            }
            if (address.getWindowStart().plus(properties.getAddressWindow()).isAfter(now) && addressAtLimit()
                    && (reopened || address.getLockedUntil() == null)) {
                return refused(inFlightUntil(address));
            }
        }
        return null;
    }

    /** Counts the attempt as a failure on every counter. */
    void count(Instant now) {
        identity.setFailures(identity.getFailures() + 1);
        identity.setLastFailureAt(now);
        user.setLastFailureAt(now);
        user.setWindowFailures(user.getWindowFailures() + 1);
        address.setWindowFailures(address.getWindowFailures() + 1);
        address.setLastFailureAt(now);
    }

    /** Gives an attempt's slot back on every counter. */
    void giveBack() {
        identity.setFailures(Math.max(0, identity.getFailures() - 1));
        user.setWindowFailures(Math.max(0, user.getWindowFailures() - 1));
        address.setWindowFailures(Math.max(0, address.getWindowFailures() - 1));
    }

    /**
     * The counters at their limit and not locked, which are due a lock; {@code stale}: only those that have waited
     * so longer than {@link #IN_FLIGHT}.
     */
    List<LoginThrottle> dueForLock(Instant now, boolean stale) {
        List<LoginThrottle> due = new ArrayList<>(2);
        if (identityAtLimit() && !lockedAt(identity, now) && (!stale || !inFlightUntil(identity).isAfter(now))) {
            due.add(identity);
        }
        if (addressAtLimit() && !lockedAt(address, now) && (!stale || !inFlightUntil(address).isAfter(now))) {
            due.add(address);
        }
        return due;
    }

    /** The failures a lock of {@code row} is recorded with. */
    int failures(LoginThrottle row) {
        return row == address ? address.getWindowFailures() : row.getFailures();
    }

    private boolean identityAtLimit() {
        return identity.getFailures() >= properties.getMaxFailures();
    }

    private boolean addressAtLimit() {
        return address.getWindowFailures() >= properties.getMaxFailuresPerAddress();
    }

    private static LoginThrottleService.Decision refused(Instant until) {
        return new LoginThrottleService.Decision(false, until);
    }

    private static Instant inFlightUntil(LoginThrottle row) {
        return row.getLastFailureAt() == null ? Instant.MIN : row.getLastFailureAt().plus(IN_FLIGHT);
    }

    private static boolean lockedAt(LoginThrottle row, Instant now) {
        return row.getLockedUntil() != null && row.getLockedUntil().isAfter(now);
    }

    private static boolean expiredLock(LoginThrottle row, Instant now) {
        return row.getLockedUntil() != null && !row.getLockedUntil().isAfter(now);
    }

    private static void roll(LoginThrottle row, Instant now, Duration window) {
        if (!row.getWindowStart().plus(window).isAfter(now)) {
            row.setWindowStart(now);
            row.setWindowFailures(0);
        }
    }
}
