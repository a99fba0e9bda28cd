package dev.portcullis.twofactor.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.portcullis.auth.AdminUser;
import dev.portcullis.i18n.Messages;
import dev.portcullis.twofactor.SecondFactorMethod;
import dev.portcullis.twofactor.internal.TwoFactorService.Enrolment;
import dev.portcullis.twofactor.internal.TwoFactorService.Outcome;
import dev.portcullis.twofactor.internal.TwoFactorService.RefusedException;
import dev.portcullis.twofactor.internal.TwoFactorService.Status;

import jakarta.persistence.EntityManager;

/**
 * Setting a second factor up: a fresh secret (or a number to text) that is stored nowhere until a right code confirms
 * it, then kept sealed with a new set of recovery codes; and what a user has set up.
 */
public final class TwoFactorEnrolment {

    private static final Logger log = LoggerFactory.getLogger(TwoFactorEnrolment.class);
    private static final int SECRET_BYTES = 20;

    private final EntityManager em;
    private final SecretBox box;
    private final SecureRandom random;
    private final Clock clock;
    private final String issuer;
    private final SecondFactorVerifier verifier;
    private final TextMessageCodes textMessages;
    private final RecoveryCodes recoveryCodes;

    public TwoFactorEnrolment(EntityManager em, SecretBox box, SecureRandom random, Clock clock, String issuer,
            SecondFactorVerifier verifier, TextMessageCodes textMessages, RecoveryCodes recoveryCodes) {
        this.em = em;
        this.box = box;
        this.random = random;
        this.clock = clock;
        this.issuer = issuer;
        this.verifier = verifier;
        this.textMessages = textMessages;
        this.recoveryCodes = recoveryCodes;
    }

    Enrolment beginSetup(String username) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new Enrolment(issuer, username, secret, TwoFactorService.TOTP);
    }

    Enrolment beginTextMessageSetup(String username) {
        textMessages.requireAvailable();
        return new Enrolment(issuer, username, new byte[0], TwoFactorService.SMS);
    }

    /** Stores the enrolment once {@code code} proves it works; a wrong code is counted against the throttle. */
    List<String> confirm(long userId, Enrolment enrolment, String code, String address) {
        AdminUser user = SecondFactorVerifier.user(em, userId);
        verifier.requireNotThrottled(user.getUsername(), address);
        boolean textMessage = enrolment.textMessages();
        String digits = SecondFactorVerifier.digits(code);
        OptionalLong step = textMessage ? textMessages.matchesSetupCode(enrolment, digits)
                : Totp.verify(enrolment.secret(), digits, clock.instant());
        if (step.isEmpty()) {
            verifier.recordFailure(user.getUsername(), address);
            throw new RefusedException(Messages.get("twofactor.setup.wrong"), Outcome.WRONG);
        }
        TwoFactorSecret existing = em.find(TwoFactorSecret.class, userId);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        TwoFactorSecret secret = textMessage
                ? new TwoFactorSecret(userId, TwoFactorService.SMS,
                        box.seal(enrolment.phoneNumber.getBytes(StandardCharsets.UTF_8)), clock.instant())
                : new TwoFactorSecret(userId, TwoFactorService.TOTP, box.seal(enrolment.secret()), clock.instant());
        // The confirming code may not be used again to sign in.
        secret.used(step.getAsLong(), clock.instant());
        em.persist(secret);
        user.setTwoFactorEnabled(true);
        List<String> codes = recoveryCodes.replace(userId);
        log.info("User '{}' set up two-factor sign-in{}", user.getUsername(), existing == null ? "" : " (replacing the earlier one)");
        return codes;
    }

    /** New recovery codes once the user has proved who they are again. */
    List<String> regenerateRecoveryCodes(long userId, String password, String code, String address) {
        AdminUser user = verifier.reconfirm(userId, password, code, address);
        List<String> codes = recoveryCodes.replace(userId);
        log.info("User '{}' made new recovery codes", user.getUsername());
        return codes;
    }

    /** New recovery codes once the user has proved who they are with their password and one of their keys. */
    List<String> regenerateRecoveryCodes(long userId, String password, SecondFactorMethod.Answer key, String address) {
        AdminUser user = verifier.reconfirm(userId, password, null, key, address);
        List<String> codes = recoveryCodes.replace(userId);
        log.info("User '{}' made new recovery codes, confirmed with a security key", user.getUsername());
        return codes;
    }

    List<String> factorAdded(long userId) {
        AdminUser user = SecondFactorVerifier.user(em, userId);
        if (user.isTwoFactorEnabled()) {
            return List.of();
        }
        user.setTwoFactorEnabled(true);
        log.info("User '{}' set up two-factor sign-in with a security key", user.getUsername());
        return recoveryCodes.replace(userId);
    }

    void otherFactorsRemoved(long userId) {
        AdminUser user = SecondFactorVerifier.user(em, userId);
        if (em.find(TwoFactorSecret.class, userId) == null && !TwoFactorReset.hasSecurityKeys(em, userId)) {
            recoveryCodes.deleteAll(userId);
            user.setTwoFactorEnabled(false);
            log.info("User '{}' has no second factor any more", user.getUsername());
        }
    }

    Status status(long userId) {
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, userId);
        if (secret == null) {
            // Security keys alone: no authenticator, but the recovery codes that back the keys up.
            return new Status(false, null, recoveryCodes.left(userId), null, null);
        }
        String phone = TwoFactorService.SMS.equals(secret.method())
                ? TextMessageCodes.mask(textMessages.phone(secret)) : null;
        return new Status(true, secret.enabledAt(), recoveryCodes.left(userId), secret.method(), phone);
    }

    boolean isEnabled(long userId) {
        return em.find(TwoFactorSecret.class, userId) != null || TwoFactorReset.hasSecurityKeys(em, userId);
    }

    long staffWithoutTwoFactor() {
        return em.createQuery("select count(u) from AdminUser u where u.staff = true and u.active = true"
                + " and u.twoFactorEnabled = false", Long.class).getSingleResult();
    }
}
