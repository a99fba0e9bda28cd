package dev.portcullis.twofactor.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.portcullis.auth.AdminUser;
import dev.portcullis.i18n.Messages;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.internal.LoginThrottleService;
import dev.portcullis.twofactor.SecondFactorMethod;
import dev.portcullis.twofactor.internal.TwoFactorService.Outcome;
import dev.portcullis.twofactor.internal.TwoFactorService.RefusedException;
import dev.portcullis.twofactor.internal.TwoFactorService.Verification;

import jakarta.persistence.EntityManager;

/**
 * The one question every step with a code asks: is this code right for this user? Each answer is counted against the
 * sign-in throttle (the same one passwords use) and is replay-safe: an authenticator time step, a texted code and a
 * recovery code are each accepted at most once. Runs inside the caller's transaction.
 */
public final class SecondFactorVerifier {

    private static final Logger log = LoggerFactory.getLogger(SecondFactorVerifier.class);

    private final EntityManager em;
    private final LoginThrottleService throttle;
    private final AdminUserService users;
    private final TotpCodes totp;
    private final TextMessageCodes textMessages;
    private final RecoveryCodes recoveryCodes;

    public SecondFactorVerifier(EntityManager em, LoginThrottleService throttle, AdminUserService users, TotpCodes totp,
            TextMessageCodes textMessages, RecoveryCodes recoveryCodes) {
        this.em = em;
        this.throttle = throttle;
        this.users = users;
        this.totp = totp;
        this.textMessages = textMessages;
        this.recoveryCodes = recoveryCodes;
    }

    /** The sign-in step: a current authenticator or texted code, or an unused recovery code. */
    Verification verify(long userId, String input, String address) {
        AdminUser user = user(em, userId);
        // The slot is taken before the code is looked at, so parallel guesses get no more than the limit evaluated.
        LoginThrottleService.Attempt slot = throttle.reserve(user.getUsername(), address);
        if (!slot.allowed()) {
            return new Verification(Outcome.THROTTLED, recoveryCodes.left(userId));
        }
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, userId);
        if (secret == null && !user.isTwoFactorEnabled()) {
            throttle.passed(slot);
            return new Verification(Outcome.NOT_ENABLED, 0);
        }
        // Without a secret (security keys only) just a recovery code can be right here.
        Outcome outcome = secret == null
                ? recoveryCodes.use(user.getId(), input) ? Outcome.RECOVERY_CODE_ACCEPTED : Outcome.WRONG
                : check(user, secret, input);
        if (!outcome.accepted()) {
            throttle.failed(slot);
            if (outcome == Outcome.REPLAYED) {
                log.warn("Refused a replayed two-factor code for '{}' from {}", user.getUsername(), address);
            }
            return new Verification(outcome, recoveryCodes.left(userId));
        }
        throttle.passed(slot); // the run of failures ends when the sign-in completes
        if (outcome == Outcome.RECOVERY_CODE_ACCEPTED) {
            log.info("User '{}' used a recovery code; {} left", user.getUsername(), recoveryCodes.left(userId));
        }
        return new Verification(outcome, recoveryCodes.left(userId));
    }

    /**
     * A management step: the user proves who they are again with their password and a current code (not a recovery
     * code). A failure is counted and refused; the caller's transaction must commit it.
     */
    AdminUser reconfirm(long userId, String password, String code, String address) {
        return reconfirm(userId, password, code, null, address);
    }

    /**
     * As {@link #reconfirm(long, String, String, String)}, with an answer by one of the user's security keys in place
     * of the code when {@code key} is not null; the user needs no authenticator app then.
     */
    AdminUser reconfirm(long userId, String password, String code, SecondFactorMethod.Answer key, String address) {
        AdminUser user = user(em, userId);
        requireNotThrottled(user.getUsername(), address);
        boolean passwordRight = users.passwordMatches(userId, password);
        if (key != null) {
            // The key's challenge is spent even when the password is wrong, so an answer is never tried twice.
            boolean keyRight = key.confirms(userId);
            if (!passwordRight || !keyRight) {
                throttle.recordFailure(user.getUsername(), address);
                log.info("Refused a confirmation with a security key for '{}' from {}", user.getUsername(), address);
                throw new RefusedException(Messages.get("twofactor.refused.key"), Outcome.WRONG);
            }
            return user;
        }
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, userId);
        if (secret == null) {
            throw new RefusedException(Messages.get("twofactor.refused.not-enabled"), Outcome.NOT_ENABLED);
        }
        String digits = digits(code);
        Outcome outcome = digits.length() == Totp.DIGITS ? check(user, secret, digits) : Outcome.WRONG;
        if (!passwordRight || !outcome.accepted()) {
            throttle.recordFailure(user.getUsername(), address);
            throw new RefusedException(outcome == Outcome.REPLAYED ? Messages.get("twofactor.refused.replayed")
                    : Messages.get("twofactor.refused.wrong"), outcome);
        }
        return user;
    }

    /**
     * A current authenticator or texted code, or an unused recovery code (then spent), for a step that also asks for
     * something else: counts nothing against the throttle, the caller does. An app code's time step is spent.
     */
    boolean codeMatches(long userId, String input) {
        AdminUser user = user(em, userId);
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, userId);
        if (secret == null) {
            return recoveryCodes.use(userId, input);
        }
        return check(user, secret, input).accepted();
    }

    void requireNotThrottled(String username, String address) {
        if (!throttle.check(username, address).allowed()) {
            throw new RefusedException(Messages.get("twofactor.refused.throttled"), Outcome.THROTTLED);
        }
    }

    void recordFailure(String username, String address) {
        throttle.recordFailure(username, address);
    }

    private Outcome check(AdminUser user, TwoFactorSecret secret, String input) {
        String code = digits(input);
        if (code.length() == Totp.DIGITS && TwoFactorService.SMS.equals(secret.method())) {
            return textMessages.check(secret, code);
        }
        if (code.length() == Totp.DIGITS) {
            return totp.check(user, secret, code);
        }
        return recoveryCodes.use(user.getId(), input) ? Outcome.RECOVERY_CODE_ACCEPTED : Outcome.WRONG;
    }

    /** The user, or a refusal when the account was deleted in the meantime. */
    static AdminUser user(EntityManager em, long userId) {
        AdminUser user = em.find(AdminUser.class, userId);
        if (user == null) {
            throw new RefusedException(Messages.get("twofactor.refused.no-account"), Outcome.NOT_ENABLED);
        }
        return user;
    }

    /** A code as typed, without the spaces some apps show in the middle. */
    static String digits(String input) {
        return input == null ? "" : input.replace(" ", "").strip();
    }
}
