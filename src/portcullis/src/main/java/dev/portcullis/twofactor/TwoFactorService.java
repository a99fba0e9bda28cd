package dev.portcullis.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.auth.AccountNotifier;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminUser;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.LoginThrottleService;
import dev.portcullis.auth.SessionTracker;

import jakarta.persistence.EntityManager;

/**
 * Everything two-factor sign-in keeps and decides: setting up an authenticator, checking codes (each time step at
 * most once per user), recovery codes, turning it off and resets by an administrator. Every code attempt counts
 * against the same throttle as passwords.
 */
public class TwoFactorService {

    private static final Logger log = LoggerFactory.getLogger(TwoFactorService.class);
    private static final String RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int SECRET_BYTES = 20;
    /** Second-factor methods, as stored. */
    static final String TOTP = "TOTP";
    static final String SMS = "SMS";
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+[1-9][0-9]{6,14}");

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

    private final EntityManager em;
    private final SecretBox box;
    private final SecureRandom random;
    private final Clock clock;
    private final TwoFactorProperties properties;
    private final String issuer;
    private final AdminUserService users;
    private final LoginThrottleService throttle;
    private final SessionTracker sessions;
    private final AccountNotifier notifier;
    private final SmsSender sms;
    private final dev.portcullis.admin.AdminHistory history;

    TwoFactorService(EntityManager em, SecretBox box, SecureRandom random, Clock clock, TwoFactorProperties properties,
            String issuer, AdminUserService users, LoginThrottleService throttle, SessionTracker sessions,
            AccountNotifier notifier, SmsSender sms, dev.portcullis.admin.AdminHistory history) {
        this.sms = sms;
        this.history = history;
        this.em = em;
        this.box = box;
        this.random = random;
        this.clock = clock;
        this.properties = properties;
        this.issuer = issuer;
        this.users = users;
        this.throttle = throttle;
        this.sessions = sessions;
        this.notifier = notifier;
    }

    /** How long a sign-in may stay at {@code step} after its password before it must start again. */
    public java.time.Duration pendingTimeout(dev.portcullis.auth.PendingSignIn.Step step) {
        return step == dev.portcullis.auth.PendingSignIn.Step.VERIFY ? properties.getCodeStepTimeout()
                : properties.getSetupTimeout();
    }

    /** True when {@code portcullis.two-factor.required-for} names one of the user's authorities. */
    public boolean isRequiredFor(AdminPrincipal user) {
        return user.hasAnyAuthority(properties.getRequiredFor());
    }

    /** Starts setting up an authenticator: a fresh secret that is stored nowhere until {@link #confirm} succeeds. */
    public Enrolment beginSetup(String username) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new Enrolment(issuer, username, secret, TOTP);
    }

    /** True when text-message codes are switched on and the application provides a sender. */
    public boolean textMessagesAvailable() {
        return properties.getSms().isEnabled() && sms != null;
    }

    /** Starts setting up text-message codes; nothing is stored until {@link #confirm} succeeds. */
    public Enrolment beginTextMessageSetup(String username) {
        requireTextMessages();
        return new Enrolment(issuer, username, new byte[0], SMS);
    }

    /**
     * Texts a code to the number being set up.
     *
     * @throws RefusedException for a number not in international format, a resend too soon, or a failed send
     */
    public void sendSetupCode(Enrolment enrolment, String phoneNumber) {
        requireTextMessages();
        String number = phoneNumber == null ? "" : phoneNumber.replaceAll("[\\s().-]", "");
        if (!PHONE.matcher(number).matches()) {
            throw new RefusedException("Enter the number in international format, such as +44 7700 900123.",
                    Outcome.WRONG);
        }
        Instant now = clock.instant();
        if (enrolment.sentAt != null && enrolment.sentAt.plus(properties.getSms().getResendInterval()).isAfter(now)) {
            throw new RefusedException(tooSoon(enrolment.sentAt, now), Outcome.THROTTLED);
        }
        String code = textCode();
        text(number, code, enrolment.username);
        enrolment.phoneNumber = number;
        enrolment.codeHash = box.hash(code);
        enrolment.sentAt = now;
    }

    /**
     * Texts a sign-in code to a user whose second factor is text messages.
     *
     * @return the masked number it went to
     * @throws RefusedException when the last text was too recent or could not be sent
     */
    @Transactional
    public String sendSignInCode(long userId) {
        requireTextMessages();
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, userId);
        if (secret == null || !SMS.equals(secret.method())) {
            throw new RefusedException("Your second factor is not text messages.", Outcome.NOT_ENABLED);
        }
        Instant now = clock.instant();
        if (secret.smsCodeSentAt() != null
                && secret.smsCodeSentAt().plus(properties.getSms().getResendInterval()).isAfter(now)) {
            throw new RefusedException(tooSoon(secret.smsCodeSentAt(), now), Outcome.THROTTLED);
        }
        String number = new String(box.open(secret.sealed()), StandardCharsets.UTF_8);
        String code = textCode();
        text(number, code, user(userId).getUsername());
        secret.smsCodeSent(box.hash(code), now, now.plus(properties.getSms().getCodeValidity()));
        return mask(number);
    }

    private void requireTextMessages() {
        if (!textMessagesAvailable()) {
            throw new RefusedException("Text-message codes are not offered here.", Outcome.NOT_ENABLED);
        }
    }

    private String tooSoon(Instant sentAt, Instant now) {
        long wait = java.time.Duration.between(now, sentAt.plus(properties.getSms().getResendInterval())).toSeconds() + 1;
        return "A code was sent a moment ago. Wait " + wait + " seconds before asking for another.";
    }

    private String textCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    private void text(String number, String code, String username) {
        try {
            sms.send(number, code + " is your " + issuer + " sign-in code. It expires in "
                    + properties.getSms().getCodeValidity().toMinutes() + " minutes. Do not share it.");
            log.info("Texted a sign-in code for '{}' to {}", username, mask(number));
        } catch (RuntimeException failed) {
            log.warn("Could not text a sign-in code for '{}' to {}: {}", username, mask(number), failed.getMessage());
            throw new RefusedException("The text message could not be sent. Try again in a minute.", Outcome.WRONG);
        }
    }

    /** A phone number with all but its last four digits hidden. */
    static String mask(String number) {
        return number.length() <= 4 ? number : "+" + "•".repeat(number.length() - 5) + number.substring(number.length() - 4);
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
        AdminUser user = user(userId);
        requireNotThrottled(user.getUsername(), address);
        boolean textMessage = SMS.equals(enrolment.method);
        OptionalLong step = textMessage ? textedCodeMatches(enrolment, digits(code))
                : Totp.verify(enrolment.secret(), digits(code), clock.instant());
        if (step.isEmpty()) {
            throttle.recordFailure(user.getUsername(), address);
            throw new RefusedException("That code is not right. Check that your device's clock is set automatically "
                    + "and enter the code your app shows now.", Outcome.WRONG);
        }
        TwoFactorSecret existing = em.find(TwoFactorSecret.class, userId);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        TwoFactorSecret secret = textMessage
                ? new TwoFactorSecret(userId, SMS, box.seal(enrolment.phoneNumber.getBytes(StandardCharsets.UTF_8)),
                        clock.instant())
                : new TwoFactorSecret(userId, TOTP, box.seal(enrolment.secret()), clock.instant());
        // The confirming code may not be used again to sign in.
        secret.used(step.getAsLong(), clock.instant());
        em.persist(secret);
        user.setTwoFactorEnabled(true);
        List<String> codes = replaceRecoveryCodes(userId);
        log.info("User '{}' set up two-factor sign-in{}", user.getUsername(), existing == null ? "" : " (replacing the earlier one)");
        return codes;
    }

    /** A texted setup code: right, unexpired and unused; the step of now stands in for a TOTP step. */
    private OptionalLong textedCodeMatches(Enrolment enrolment, String code) {
        Instant now = clock.instant();
        if (enrolment.codeHash == null || code.length() != Totp.DIGITS
                || enrolment.sentAt.plus(properties.getSms().getCodeValidity()).isBefore(now)
                || !SecretBox.same(box.hash(code), enrolment.codeHash)) {
            return OptionalLong.empty();
        }
        enrolment.codeHash = null;
        return OptionalLong.of(Totp.step(now));
    }

    /**
     * Checks a sign-in code: an authenticator code for the current time step or one either side, used at most once,
     * or an unused recovery code. Failures count against the sign-in throttle.
     */
    @Transactional
    public Verification verify(long userId, String input, String address) {
        AdminUser user = user(userId);
        // The slot is taken before the code is looked at, so parallel guesses get no more than the limit evaluated.
        LoginThrottleService.Attempt slot = throttle.reserve(user.getUsername(), address);
        if (!slot.allowed()) {
            return new Verification(Outcome.THROTTLED, recoveryCodesLeft(userId));
        }
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, userId);
        if (secret == null) {
            throttle.passed(slot);
            return new Verification(Outcome.NOT_ENABLED, 0);
        }
        Outcome outcome = check(user, secret, input);
        if (!outcome.accepted()) {
            throttle.failed(slot);
            if (outcome == Outcome.REPLAYED) {
                log.warn("Refused a replayed two-factor code for '{}' from {}", user.getUsername(), address);
            }
            return new Verification(outcome, recoveryCodesLeft(userId));
        }
        throttle.passed(slot); // the run of failures ends when the sign-in completes
        if (outcome == Outcome.RECOVERY_CODE_ACCEPTED) {
            log.info("User '{}' used a recovery code; {} left", user.getUsername(), recoveryCodesLeft(userId));
        }
        return new Verification(outcome, recoveryCodesLeft(userId));
    }

    /**
     * New recovery codes in place of the old ones, after the user proves who they are with their password and a
     * current code.
     */
    // A refusal commits: the failed attempt it counted must stay counted.
    @Transactional(noRollbackFor = RefusedException.class)
    public List<String> regenerateRecoveryCodes(long userId, String password, String code, String address) {
        AdminUser user = reconfirm(userId, password, code, address);
        List<String> codes = replaceRecoveryCodes(userId);
        log.info("User '{}' made new recovery codes", user.getUsername());
        return codes;
    }

    /** Turns two-factor sign-in off after the user proves who they are with their password and a current code. */
    // A refusal commits: the failed attempt it counted must stay counted.
    @Transactional(noRollbackFor = RefusedException.class)
    public void disable(long userId, String password, String code, String address) {
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof AdminPrincipal self
                && self.getUserId() == userId && isRequiredFor(self)) {
            throw new RefusedException("Two-factor sign-in is required for your account, so it cannot be turned off. "
                    + "Set up a new authenticator instead.", Outcome.NOT_ENABLED);
        }
        AdminUser user = reconfirm(userId, password, code, address);
        removeSecret(user);
        log.info("User '{}' turned two-factor sign-in off", user.getUsername());
    }

    /**
     * An administrator holding {@code user:change} removes another user's second factor, for a lost phone. The reset
     * is recorded in the history (when the history feature is present), the user's sessions end; they set up a new one at their next sign-in (if it is required for them) and are told by e-mail.
     */
    @Transactional
    public void reset(long userId) {
        Authentication actor = SecurityContextHolder.getContext().getAuthentication();
        // The same rule as setting a password: user:change, and nobody takes the second factor off an account
        // holding rights they lack (a superuser, for a user manager).
        if (!AdminPermissions.grants(actor, "user:change") || !users.maySetPassword(userId)) {
            throw new AccessDeniedException((actor == null ? "anonymous" : actor.getName())
                    + " may not reset the two-factor sign-in of user " + userId);
        }
        AdminUser user = user(userId);
        removeSecret(user);
        if (history != null) {
            history.record(actor, new dev.portcullis.admin.AdminChange(dev.portcullis.admin.AdminChange.Kind.ACTION,
                    "user", String.valueOf(userId), user.getUsername(), List.of(new dev.portcullis.admin.AdminChange
                            .FieldChange("twoFactorEnabled", "true", "false", false)), "Reset two-factor sign-in"));
        }
        sessions.endOthers(userId, null, "two-factor sign-in reset by " + actor.getName());
        notifier.accountChanged(user, "two-factor sign-in was reset", "two-factor sign-in for your account was reset",
                actor.getName(), "Your signed-in sessions have been ended; you will set it up again at your next sign-in.");
        log.warn("{} reset the two-factor sign-in of '{}'", actor.getName(), user.getUsername());
    }

    @Transactional(readOnly = true)
    public Status status(long userId) {
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, userId);
        if (secret == null) {
            return new Status(false, null, 0, null, null);
        }
        String phone = SMS.equals(secret.method())
                ? mask(new String(box.open(secret.sealed()), StandardCharsets.UTF_8)) : null;
        return new Status(true, secret.enabledAt(), recoveryCodesLeft(userId), secret.method(), phone);
    }

    @Transactional(readOnly = true)
    public boolean isEnabled(long userId) {
        return em.find(TwoFactorSecret.class, userId) != null;
    }

    /** Active staff users who have not set up a second factor. */
    @Transactional(readOnly = true)
    public long staffWithoutTwoFactor() {
        return em.createQuery("select count(u) from AdminUser u where u.staff = true and u.active = true"
                + " and u.twoFactorEnabled = false", Long.class).getSingleResult();
    }

    private Outcome check(AdminUser user, TwoFactorSecret secret, String input) {
        String code = digits(input);
        if (code.length() == Totp.DIGITS && SMS.equals(secret.method())) {
            return secret.useSmsCode(box.hashesUnderEveryKey(code), clock.instant()) ? Outcome.ACCEPTED : Outcome.WRONG;
        }
        if (code.length() == Totp.DIGITS) {
            byte[] key = box.open(secret.sealed());
            OptionalLong step = Totp.verify(key, code, clock.instant());
            if (step.isEmpty()) {
                return Outcome.WRONG;
            }
            // One conditional update decides between two requests racing with the same code.
            int claimed = em.createQuery("update TwoFactorSecret s set s.lastUsedStep = :step, s.lastUsedAt = :at,"
                    + " s.version = s.version + 1 where s.userId = :user"
                    + " and (s.lastUsedStep is null or s.lastUsedStep < :step)")
                    .setParameter("step", step.getAsLong()).setParameter("at", clock.instant())
                    .setParameter("user", user.getId()).executeUpdate();
            if (claimed == 0) {
                return Outcome.REPLAYED;
            }
            em.refresh(secret);
            if (!secret.sealed().keyId().equals(box.currentKeyId())) {
                secret.seal(box.seal(key));
                log.info("Re-encrypted the two-factor secret of '{}' with the current key", user.getUsername());
            }
            return Outcome.ACCEPTED;
        }
        return useRecoveryCode(user.getId(), input) ? Outcome.RECOVERY_CODE_ACCEPTED : Outcome.WRONG;
    }

    private boolean useRecoveryCode(long userId, String input) {
        String normalized = normalizeRecoveryCode(input);
        if (normalized.length() != 10) {
            return false;
        }
        List<String> candidates = box.hashesUnderEveryKey(normalized);
        for (RecoveryCode code : unusedRecoveryCodes(userId)) {
            boolean match = false;
            for (String candidate : candidates) {
                match |= SecretBox.same(candidate, code.codeHash());
            }
            if (match) {
                int claimed = em.createQuery("update RecoveryCode c set c.usedAt = :at where c.id = :id and c.usedAt is null")
                        .setParameter("at", clock.instant()).setParameter("id", code.id()).executeUpdate();
                return claimed == 1;
            }
        }
        return false;
    }

    private AdminUser reconfirm(long userId, String password, String code, String address) {
        AdminUser user = user(userId);
        requireNotThrottled(user.getUsername(), address);
        boolean passwordRight = users.passwordMatches(userId, password);
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, userId);
        if (secret == null) {
            throw new RefusedException("Two-factor sign-in is not on for your account.", Outcome.NOT_ENABLED);
        }
        String digits = digits(code);
        Outcome outcome = digits.length() == Totp.DIGITS ? check(user, secret, digits) : Outcome.WRONG;
        if (!passwordRight || !outcome.accepted()) {
            throttle.recordFailure(user.getUsername(), address);
            throw new RefusedException(outcome == Outcome.REPLAYED
                    ? "That code was used already. Wait for the next one and try again."
                    : "Your password or the code from your authenticator app is not right.", outcome);
        }
        return user;
    }

    private void requireNotThrottled(String username, String address) {
        if (!throttle.check(username, address).allowed()) {
            throw new RefusedException("Too many failed attempts. Try again later, or ask an administrator to lift the"
                    + " lock.", Outcome.THROTTLED);
        }
    }

    private void removeSecret(AdminUser user) {
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, user.getId());
        if (secret != null) {
            em.remove(secret);
        }
        em.createQuery("delete from RecoveryCode c where c.userId = :user").setParameter("user", user.getId())
                .executeUpdate();
        user.setTwoFactorEnabled(false);
    }

    private List<String> replaceRecoveryCodes(long userId) {
        em.createQuery("delete from RecoveryCode c where c.userId = :user").setParameter("user", userId).executeUpdate();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < properties.getRecoveryCodes(); i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            em.persist(new RecoveryCode(userId, box.hash(code.toString())));
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    private List<RecoveryCode> unusedRecoveryCodes(long userId) {
        return em.createQuery("select c from RecoveryCode c where c.userId = :user and c.usedAt is null",
                RecoveryCode.class).setParameter("user", userId).getResultList();
    }

    private int recoveryCodesLeft(long userId) {
        return em.createQuery("select count(c) from RecoveryCode c where c.userId = :user and c.usedAt is null",
                Long.class).setParameter("user", userId).getSingleResult().intValue();
    }

    private AdminUser user(long userId) {
        AdminUser user = em.find(AdminUser.class, userId);
        if (user == null) {
            throw new RefusedException("Your account no longer exists.", Outcome.NOT_ENABLED);
        }
        return user;
    }

    /** A code as typed, without the spaces some apps show in the middle. */
    private static String digits(String input) {
        return input == null ? "" : input.replace(" ", "").strip();
    }

    /** Recovery codes ignore case, spaces and dashes, and read O as 0 and I or L as 1. */
    static String normalizeRecoveryCode(String input) {
        if (input == null) {
            return "";
        }
        return input.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
    }

    /**
     * An authenticator being set up: its secret lives only here (in the user's UI session) until it is confirmed.
     */
    public static final class Enrolment {
        private final String issuer;
        private final String username;
        private final byte[] secret;
        private final String method;
        /** Text-message method: the number being set up, the code texted to it (keyed hash) and when. */
        private String phoneNumber;
        private String codeHash;
        private Instant sentAt;

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

        byte[] secret() {
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
