package dev.portcullis.twofactor.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.portcullis.twofactor.internal.TwoFactorService.Enrolment;
import dev.portcullis.i18n.Messages;
import dev.portcullis.twofactor.internal.TwoFactorService.Outcome;
import dev.portcullis.twofactor.internal.TwoFactorService.RefusedException;

import jakarta.persistence.EntityManager;
import dev.portcullis.twofactor.SmsSender;
import dev.portcullis.twofactor.TwoFactorProperties;

/**
 * Text-message codes: sending one to a number being set up or to a user signing in (no more often than the resend
 * interval), and checking it (right, unexpired, used once). Offered only when switched on and a sender exists.
 */
public final class TextMessageCodes {

    private static final Logger log = LoggerFactory.getLogger(TextMessageCodes.class);
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final EntityManager em;
    private final SecretBox box;
    private final SecureRandom random;
    private final Clock clock;
    private final TwoFactorProperties properties;
    private final String issuer;
    private final SmsSender sms;

    public TextMessageCodes(EntityManager em, SecretBox box, SecureRandom random, Clock clock, TwoFactorProperties properties,
            String issuer, SmsSender sms) {
        this.em = em;
        this.box = box;
        this.random = random;
        this.clock = clock;
        this.properties = properties;
        this.issuer = issuer;
        this.sms = sms;
    }

    boolean available() {
        return properties.getSms().isEnabled() && sms != null;
    }

    void requireAvailable() {
        if (!available()) {
            throw new RefusedException(Messages.get("twofactor.refused.no-text"), Outcome.NOT_ENABLED);
        }
    }

    /** Texts a code to the number being set up and keeps its keyed hash in the enrolment. */
    void sendSetupCode(Enrolment enrolment, String phoneNumber) {
        requireAvailable();
        String number = phoneNumber == null ? "" : phoneNumber.replaceAll("[\\s().-]", "");
        if (!PHONE.matcher(number).matches()) {
            throw new RefusedException(Messages.get("twofactor.refused.phone-format"), Outcome.WRONG);
        }
        Instant now = clock.instant();
        if (enrolment.sentAt != null && enrolment.sentAt.plus(properties.getSms().getResendInterval()).isAfter(now)) {
            throw new RefusedException(tooSoon(enrolment.sentAt, now), Outcome.THROTTLED);
        }
        String code = code();
        text(number, code, enrolment.username);
        enrolment.phoneNumber = number;
        enrolment.codeHash = box.hash(code);
        enrolment.sentAt = now;
    }

    /** Texts a sign-in code to a user whose second factor is text messages; returns the masked number. */
    String sendSignInCode(long userId) {
        requireAvailable();
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, userId);
        if (secret == null || !TwoFactorService.SMS.equals(secret.method())) {
            throw new RefusedException(Messages.get("twofactor.refused.not-text"), Outcome.NOT_ENABLED);
        }
        Instant now = clock.instant();
        if (secret.smsCodeSentAt() != null
                && secret.smsCodeSentAt().plus(properties.getSms().getResendInterval()).isAfter(now)) {
            throw new RefusedException(tooSoon(secret.smsCodeSentAt(), now), Outcome.THROTTLED);
        }
        String number = phone(secret);
        String code = code();
        text(number, code, SecondFactorVerifier.user(em, userId).getUsername());
        secret.smsCodeSent(box.hash(code), now, now.plus(properties.getSms().getCodeValidity()));
        return mask(number);
    }

    /** A texted setup code: right, unexpired and unused; the step of now stands in for a TOTP step. */
    OptionalLong matchesSetupCode(Enrolment enrolment, String code) {
        Instant now = clock.instant();
        if (enrolment.codeHash == null || code.length() != Totp.DIGITS
                || enrolment.sentAt.plus(properties.getSms().getCodeValidity()).isBefore(now)
                || !SecretBox.same(box.hash(code), enrolment.codeHash)) {
            return OptionalLong.empty();
        }
        enrolment.codeHash = null;
        return OptionalLong.of(Totp.step(now));
    }

    /** Spends the user's texted sign-in code when {@code code} is it and it has not expired. */
    Outcome check(TwoFactorSecret secret, String code) {
        return secret.useSmsCode(box.hashesUnderEveryKey(code), clock.instant()) ? Outcome.ACCEPTED : Outcome.WRONG;
    }

    /** The phone number kept (sealed) for a user whose second factor is text messages. */
    String phone(TwoFactorSecret secret) {
        return new String(box.open(secret.sealed()), StandardCharsets.UTF_8);
    }

    private String tooSoon(Instant sentAt, Instant now) {
        long wait = Duration.between(now, sentAt.plus(properties.getSms().getResendInterval())).toSeconds() + 1;
        return Messages.get("twofactor.refused.too-soon", wait);
    }

    private String code() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    private void text(String number, String code, String username) {
        try {
            sms.send(number, Messages.get("twofactor.sms", code, issuer,
                    properties.getSms().getCodeValidity().toMinutes()));
            log.info("Texted a sign-in code for '{}' to {}", username, mask(number));
        } catch (RuntimeException failed) {
            log.warn("Could not text a sign-in code for '{}' to {}: {}", username, mask(number), failed.getMessage());
            throw new RefusedException(Messages.get("twofactor.refused.not-sent"), Outcome.WRONG);
        }
    }

    /** A phone number with all but its last four digits hidden. */
    static String mask(String number) {
        return number.length() <= 4 ? number : "+" + "•".repeat(number.length() - 5) + number.substring(number.length() - 4);
    }
}
