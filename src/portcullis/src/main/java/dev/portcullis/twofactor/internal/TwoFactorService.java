package dev.portcullis.twofactor.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.springframework.transaction.annotation.Transactional;

import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.twofactor.SecondFactorMethod;
import dev.portcullis.twofactor.TwoFactorProperties;

/**
 * Everything two-factor sign-in keeps and decides: setting up an authenticator, checking codes (each time step at
 * most once per user), recovery codes, turning it off and resets by an administrator. Every code attempt counts
 * against the same throttle as passwords.
 * <p>
 * The views' one entry point and the transaction boundary: each method opens the transaction its work needs (a
 * refused confirmation or management step commits, so the failure it counted stays counted) and hands the work to
 * the package's parts: {@code SecondFactorVerifier} (is this code right, throttled and replay-safe), the
 * authenticator, text-message and recovery codes, enrolment and reset.
 */
public class TwoFactorService {

    /** Second-factor methods, as stored. */
    static final String TOTP = "TOTP";
    static final String SMS = "SMS";

    /** What became of a code. */
    public enum Outcome {
        /** A correct authenticator code, not used before. */
        ACCEPTED,
        /** A correct, unused recovery code; it is now spent. */
        RECOVERY_CODE_ACCEPTED,
        /** Neither a current authenticator code nor an unused recovery code. */
        WRONG,
        /** A correct authenticator code whose time step was already used: refused and recorded. */
        REPLAYED,
        /** Too many failed attempts: refused without looking at the code. */
        THROTTLED,
        /** The user has no second factor (any more). */
        NOT_ENABLED;

        public boolean accepted() {
            return this == ACCEPTED || this == RECOVERY_CODE_ACCEPTED;
        }
    }

    /** The result of checking a code, with the recovery codes the user has left. */
    public record Verification(Outcome outcome, int recoveryCodesLeft) {
    }

    /**
     * A user's second factor as the management page shows it.
     *
     * @param method {@code TOTP} or {@code SMS}; null when off
     * @param phone the masked phone number of the text-message method, else null
     */
    public record Status(boolean enabled, Instant enabledAt, int recoveryCodesLeft, String method, String phone) {

        public boolean textMessages() {
            return SMS.equals(method);
        }
    }

    /** Thrown when a confirmation or management step is refused; the message is for the user. */
    public static class RefusedException extends RuntimeException {
        private final Outcome outcome;

        RefusedException(String message, Outcome outcome) {
            super(message);
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }
    }

    private final TwoFactorProperties properties;
    private final SecondFactorVerifier verifier;
    private final TextMessageCodes textMessages;
    private final TwoFactorEnrolment enrolment;
    private final TwoFactorReset reset;

    public TwoFactorService(TwoFactorProperties properties, SecondFactorVerifier verifier, TextMessageCodes textMessages,
            TwoFactorEnrolment enrolment, TwoFactorReset reset) {
        this.properties = properties;
        this.verifier = verifier;
        this.textMessages = textMessages;
        this.enrolment = enrolment;
        this.reset = reset;
    }

    /** How long a sign-in may stay at {@code step} after its password before it must start again. */
    public java.time.Duration pendingTimeout(dev.portcullis.auth.internal.PendingSignIn.Step step) {
        return step == dev.portcullis.auth.internal.PendingSignIn.Step.VERIFY ? properties.getCodeStepTimeout()
                : properties.getSetupTimeout();
    }

    /** True when {@code portcullis.two-factor.required-for} names one of the user's authorities. */
    public boolean isRequiredFor(AdminPrincipal user) {
        return reset.isRequiredFor(user);
    }

    /** Starts setting up an authenticator: a fresh secret that is stored nowhere until {@link #confirm} succeeds. */
    public Enrolment beginSetup(String username) {
        return enrolment.beginSetup(username);
    }

    /** True when text-message codes are switched on and the application provides a sender. */
    public boolean textMessagesAvailable() {
        return textMessages.available();
    }

    /** Starts setting up text-message codes; nothing is stored until {@link #confirm} succeeds. */
    public Enrolment beginTextMessageSetup(String username) {
        return enrolment.beginTextMessageSetup(username);
    }

    /**
     * Texts a code to the number being set up.
     *
     * @throws RefusedException for a number not in international format, a resend too soon, or a failed send
     */
    public void sendSetupCode(Enrolment enrolment, String phoneNumber) {
        textMessages.sendSetupCode(enrolment, phoneNumber);
    }

    /**
     * Texts a sign-in code to a user whose second factor is text messages.
     *
     * @return the masked number it went to
     * @throws RefusedException when the last text was too recent or could not be sent
     */
    @Transactional
    public String sendSignInCode(long userId) {
        return textMessages.sendSignInCode(userId);
    }

    /**
     * Switches two-factor sign-in on with the enrolment's secret once {@code code} proves the authenticator works,
     * replacing any earlier secret and recovery codes.
     *
     * @return the new recovery codes, to be shown once
     * @throws RefusedException for a wrong code, or while sign-in is throttled
     */
    // A refusal commits: the failed attempt it counted must stay counted.
    @Transactional(noRollbackFor = RefusedException.class)
    public List<String> confirm(long userId, Enrolment enrolment, String code, String address) {
        return this.enrolment.confirm(userId, enrolment, code, address);
    }

    /**
     * Checks a sign-in code: an authenticator code for the current time step or one either side, used at most once,
     * or an unused recovery code. Failures count against the sign-in throttle.
     */
    @Transactional
    public Verification verify(long userId, String input, String address) {
        return verifier.verify(userId, input, address);
    }

    /**
     * New recovery codes in place of the old ones, after the user proves who they are with their password and a
     * current code.
     */
    // A refusal commits: the failed attempt it counted must stay counted.
    @Transactional(noRollbackFor = RefusedException.class)
    public List<String> regenerateRecoveryCodes(long userId, String password, String code, String address) {
        return enrolment.regenerateRecoveryCodes(userId, password, code, address);
    }

    /**
     * New recovery codes in place of the old ones, after the user proves who they are with their password and an
     * answer by one of their security keys (for a user whose keys are their only second factor). A refusal is
     * counted against the throttle like a wrong code.
     */
    // A refusal commits: the failed attempt it counted must stay counted.
    @Transactional(noRollbackFor = RefusedException.class)
    public List<String> regenerateRecoveryCodes(long userId, String password, SecondFactorMethod.Answer key,
            String address) {
        if (key == null) {
            throw new IllegalArgumentException("key answer");
        }
        return enrolment.regenerateRecoveryCodes(userId, password, key, address);
    }

    /**
     * True for a current authenticator or texted code, or an unused recovery code (which is then spent); for steps
     * of other second factors that ask for one along with the password. Counts nothing against the throttle: the
     * caller does, and never throws, so the caller's transaction keeps what it counted.
     */
    @Transactional
    public boolean codeMatches(long userId, String code) {
        try {
            return verifier.codeMatches(userId, code);
        } catch (RefusedException gone) {
            return false;
        }
    }

    /** Turns two-factor sign-in off after the user proves who they are with their password and a current code. */
    // A refusal commits: the failed attempt it counted must stay counted.
    @Transactional(noRollbackFor = RefusedException.class)
    public void disable(long userId, String password, String code, String address) {
        reset.disable(userId, password, code, address);
    }

    /**
     * An administrator holding {@code user:change} removes another user's second factor, for a lost phone. The reset
     * is recorded in the history (when the history feature is present), the user's sessions end; they set up a new
     * one at their next sign-in (if it is required for them) and are told by e-mail.
     */
    @Transactional
    public void reset(long userId) {
        reset.reset(userId);
    }

    /**
     * Another kind of second factor (a security key) became the user's first: two-factor sign-in is on from now, and
     * the returned recovery codes are to be shown once. Empty when the user had a second factor already.
     */
    @Transactional
    public List<String> factorAdded(long userId) {
        return enrolment.factorAdded(userId);
    }

    /** The user's last security key went: two-factor sign-in stays on only while an authenticator remains. */
    @Transactional
    public void otherFactorsRemoved(long userId) {
        enrolment.otherFactorsRemoved(userId);
    }

    @Transactional(readOnly = true)
    public Status status(long userId) {
        return enrolment.status(userId);
    }

    /** True when the user has a second factor: an authenticator, text messages or a security key. */
    @Transactional(readOnly = true)
    public boolean isEnabled(long userId) {
        return enrolment.isEnabled(userId);
    }

    /** Active staff users who have not set up a second factor. */
    @Transactional(readOnly = true)
    public long staffWithoutTwoFactor() {
        return enrolment.staffWithoutTwoFactor();
    }

    /**
     * An authenticator being set up: its secret lives only here (in the user's UI session) until it is confirmed.
     */
    public static final class Enrolment {
        private final String issuer;
        final String username;
        private final byte[] secret;
        private final String method;
        /** Text-message method: the number being set up, the code texted to it (keyed hash) and when. */
        String phoneNumber;
        String codeHash;
        Instant sentAt;

        Enrolment(String issuer, String username, byte[] secret, String method) {
            this.issuer = issuer;
            this.username = username;
            this.secret = secret.clone();
            this.method = method;
        }

        /** True when this sets up text-message codes rather than an authenticator app. */
        public boolean textMessages() {
            return SMS.equals(method);
        }

        public byte[] secret() {
            return secret.clone();
        }

        /** The secret in Base32, in groups of four for typing into an app by hand. */
        public String groupedSecret() {
            return Base32.encode(secret).replaceAll("(.{4})(?!$)", "$1 ");
        }

        /** The {@code otpauth://} URI the QR code carries (Key URI Format). */
        public String uri() {
            String label = encode(issuer) + ":" + encode(username);
            return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                    + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Override
        public String toString() {
            return "Enrolment[" + username + "]";
        }
    }
}
