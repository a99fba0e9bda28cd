package dev.portcullis.auth.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.portcullis.checks.CheckMessage;

import jakarta.persistence.EntityManager;
import dev.portcullis.auth.BootstrapProperties;
import dev.portcullis.auth.LoginThrottleProperties;
import dev.portcullis.auth.SessionProperties;

/** Deploy checks of sign-in: the first user's password, lockout and session lifetimes. */
public final class AuthChecks {

    /** More failures than this before a lock leaves too many guesses per lock period. */
    static final int MAX_FAILURES = 10;
    static final Duration MIN_LOCK = Duration.ofMinutes(1);
    /** ASVS 3.3.2 (level 2): 30 minutes idle, 12 hours in all. */
    static final Duration MAX_IDLE = Duration.ofMinutes(30);
    static final Duration MAX_ABSOLUTE = Duration.ofHours(12);

    private AuthChecks() {
    }

    /** security.W050: superusers still on a password someone else chose (the bootstrap password among them). */
    public static List<CheckMessage> unchangedPasswords(EntityManager em) {
        List<String> usernames = em.createQuery("select u.username from AdminUser u where u.superuser = true"
                + " and u.active = true and u.mustChangePassword = true order by u.username", String.class)
                .setMaxResults(10).getResultList();
        if (usernames.isEmpty()) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W050", "portcullis_user",
                "Superuser " + String.join(", ", usernames) + " still has the one-time password set at creation"
                        + " (for the first user, the one printed in the start-up log or given in"
                        + " PORTCULLIS_BOOTSTRAP_PASSWORD).",
                "Sign in as " + usernames.get(0) + " and choose a password now, or deactivate the account."));
    }

    /**
     * security.W057: the first superuser still signs in with the password given in the environment, which more
     * people and systems have seen than the user (whether or not a change at first sign-in was waived).
     */
    public static List<CheckMessage> environmentPassword(EntityManager em, BootstrapProperties bootstrap,
            org.springframework.security.crypto.password.PasswordEncoder encoder) {
        if (bootstrap.getPassword() == null) {
            return List.of();
        }
        List<String> hashes = em.createQuery("select u.passwordHash from AdminUser u where u.username = :name"
                + " and u.superuser = true and u.active = true", String.class)
                .setParameter("name", bootstrap.getUsername()).getResultList();
        if (hashes.isEmpty() || !encoder.matches(bootstrap.getPassword(), hashes.get(0))) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W057", "portcullis.bootstrap.password",
                "Superuser " + bootstrap.getUsername() + " still signs in with the password from"
                        + " PORTCULLIS_BOOTSTRAP_PASSWORD" + (bootstrap.isKeepEnvironmentPassword()
                                ? ", and portcullis.bootstrap.keep-environment-password waives the change." : "."),
                "Sign in as " + bootstrap.getUsername() + " and choose a new password, then remove"
                        + " PORTCULLIS_BOOTSTRAP_PASSWORD from the environment."));
    }

    public static List<CheckMessage> lockout(LoginThrottleProperties login) {
        if (!login.isEnabled()) {
            return List.of(CheckMessage.warning("security.W051", "portcullis.login.enabled",
                    "Sign-in throttling is off: passwords can be guessed as fast as the server answers.",
                    "Set portcullis.login.enabled=true."));
        }
        List<String> weak = new ArrayList<>();
        if (login.getMaxFailures() > MAX_FAILURES) {
            weak.add("max-failures=" + login.getMaxFailures() + " (at most " + MAX_FAILURES + ")");
        }
        if (login.getLockDuration().compareTo(MIN_LOCK) < 0) {
            weak.add("lock-duration=" + login.getLockDuration().toSeconds() + "s (at least 1m)");
        }
        if (weak.isEmpty()) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W052", "portcullis.login",
                "Sign-in throttling is weak: " + String.join(", ", weak) + ".",
                "Keep portcullis.login.max-failures at 10 or less and lock-duration at 1m or more (defaults: 5, 15m)."));
    }

    public static List<CheckMessage> sessionLifetimes(SessionProperties sessions) {
        List<String> long_ = new ArrayList<>();
        if (sessions.getIdleTimeout().compareTo(MAX_IDLE) > 0) {
            long_.add("idle-timeout=" + sessions.getIdleTimeout().toMinutes() + "m (at most 30m)");
        }
        if (sessions.getAbsoluteTimeout().compareTo(MAX_ABSOLUTE) > 0) {
            long_.add("absolute-timeout=" + sessions.getAbsoluteTimeout().toHours() + "h (at most 12h)");
        }
        if (long_.isEmpty()) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W053", "portcullis.session",
                "Signed-in sessions last too long: " + String.join(", ", long_) + ".",
                "Follow ASVS 3.3.2: portcullis.session.idle-timeout=30m, absolute-timeout=12h or less."));
    }
}
