package dev.portcullis.webauthn.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import com.webauthn4j.data.AuthenticationData;

import dev.portcullis.auth.AdminUser;
import dev.portcullis.i18n.Messages;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.internal.LoginThrottleService;
import dev.portcullis.webauthn.internal.WebAuthnRefusedException.Reason;

import jakarta.persistence.EntityManager;
import dev.portcullis.webauthn.WebAuthnProperties;

/**
 * Security keys and passkeys on the server: registration and sign-in ceremonies checked with webauthn4j (origin,
 * relying-party id, a single-use expiring challenge, the signature, user presence and, where asked for, user
 * verification, and the signature counter), and the user's list of keys. Sign-in attempts count against the same
 * throttle as passwords. A counter that goes backwards is refused and recorded on the key as a clone warning.
 */
public class WebAuthnService {

    private static final Logger log = LoggerFactory.getLogger(WebAuthnService.class);
    private static final Base64.Encoder B64U = CeremonyVerifier.B64U;

    static String unknown() {
        return Messages.get("webauthn.refused.unknown");
    }

    static String throttled() {
        return Messages.get("webauthn.refused.throttled");
    }


    /** A key as its owner's list shows it. */
    public record Key(long id, String name, Instant createdAt, Instant lastUsedAt, List<String> transports,
            boolean passkey, boolean cloneWarning) {
    }

    /** A registered key, and the recovery codes issued when it was the user's first second factor (else empty). */
    public record Registered(Key key, List<String> recoveryCodes) {
    }

    private final EntityManager em;
    private final WebAuthnProperties properties;
    private final LoginThrottleService throttle;
    private final AdminUserService users;
    private final SecondFactors secondFactors;
    private final Clock clock;
    private final SecureRandom random;
    private final String siteName;
    private final CeremonyVerifier verifier;

    public WebAuthnService(EntityManager em, WebAuthnProperties properties, LoginThrottleService throttle,
            AdminUserService users, SecondFactors secondFactors, Clock clock, SecureRandom random, String siteName) {
        this.em = em;
        this.properties = properties;
        this.throttle = throttle;
        this.users = users;
        this.secondFactors = secondFactors;
        this.clock = clock;
        this.random = random;
        this.siteName = siteName;
        this.verifier = new CeremonyVerifier(clock);
    }

    /** What the rest of the two-factor feature does when a key is added or the last one removed. */
    public interface SecondFactors {
        /** A first second factor was added: switches two-factor sign-in on and returns new recovery codes. */
        List<String> added(long userId);

        /** False when the user's last key may not go: no authenticator app is left and a second factor is required. */
        boolean mayRemoveLast(long userId);

        /** The user's last key went: two-factor sign-in stays on only while another factor remains. */
        void removedLast(long userId);

        /**
         * True for a current code from the user's authenticator app (or a texted one), or an unused recovery code,
         * which is then spent. Counts nothing; never throws.
         */
        boolean codeMatches(long userId, String code);
    }

    /**
     * The current second factor a user gives to confirm a change to their keys: a code (from their authenticator app,
     * or a recovery code) or an answer by one of their keys to a fresh challenge from {@link #startSecondFactor}.
     */
    public record Factor(String code, Ceremony ceremony, String answer) {

        /** A code from the user's authenticator app, or one of their recovery codes. */
        public static Factor code(String code) {
            return new Factor(code, null, null);
        }

        /** An answer by one of the user's keys to {@code ceremony}. */
        public static Factor key(Ceremony ceremony, String answer) {
            return new Factor(null, ceremony, answer);
        }

        boolean missing() {
            return ceremony == null && (code == null || code.isBlank());
        }

        @Override
        public String toString() {
            return ceremony == null ? "Factor[code]" : "Factor[key]"; // never the code itself
        }
    }

    static String wrongFactor() {
        return Messages.get("webauthn.refused.wrong-factor");
    }

    static String noFactor() {
        return Messages.get("webauthn.refused.no-factor");
    }


    // ---- registration ------------------------------------------------------------------------------------------

    /** Starts registering a key for the user: a fresh challenge, the user's existing keys excluded. */
    @Transactional
    public Ceremony startRegistration(long userId, String username, RelyingParty rp) {
        List<WebAuthnCredential> existing = credentials(userId);
        if (existing.size() >= properties.getMaxKeysPerUser()) {
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, Messages.get("webauthn.refused.too-many",
                    existing.size()));
        }
        byte[] challenge = challenge();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rp", Map.of("id", rp.id(), "name", siteName));
        options.put("user", Map.of("id", userHandle(userId), "name", username, "displayName", username));
        options.put("challenge", B64U.encodeToString(challenge));
        options.put("pubKeyCredParams", CeremonyVerifier.ALGORITHMS.stream()
                .map(p -> Map.of("type", "public-key", "alg", p.getAlg().getValue())).toList());
        options.put("timeout", properties.getChallengeTimeout().toMillis());
        options.put("attestation", "none");
        options.put("excludeCredentials", existing.stream()
                .map(c -> Map.of("type", "public-key", "id", c.credentialId())).toList());
        // Preferred, not required: a passkey is made where the authenticator can keep one, so it can later sign in
        // without a password; an older security key still registers as a second factor.
        options.put("authenticatorSelection", Map.of("residentKey", "preferred", "userVerification", "preferred"));
        options.put("extensions", Map.of("credProps", true));
        return new Ceremony(Ceremony.Kind.REGISTER, challenge, expiry(), rp, userId, json(options));
    }

    /**
     * Checks the browser's answer to {@link #startRegistration} and stores the key under {@code name}.
     *
     * @throws WebAuthnRefusedException with a message for the user when anything does not match
     */
    @Transactional
    public Registered finishRegistration(Ceremony ceremony, long userId, String responseJson, String name) {
        verifier.spend(ceremony, Ceremony.Kind.REGISTER);
        if (ceremony.userId() == null || ceremony.userId() != userId) {
            throw new WebAuthnRefusedException(Reason.INVALID, CeremonyVerifier.invalid());
        }
        String label = name == null || name.isBlank() ? Messages.get("webauthn.default-name") : name.strip();
        if (label.length() > 64) {
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, Messages.get("webauthn.refused.name-too-long"));
        }
        CeremonyVerifier.NewKey key = verifier.register(ceremony, responseJson);
        String aaguid = key.aaguid();
        if (!properties.getAllowedAaguids().isEmpty() && !properties.getAllowedAaguids().contains(aaguid)) {
            log.info("Refused a key registration for user {}: authenticator model {} is not allowed", userId, aaguid);
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, Messages.get("webauthn.refused.model"));
        }
        String credentialId = key.credentialId();
        if (find(credentialId) != null) {
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, Messages.get("webauthn.refused.registered-already"));
        }
        if (credentials(userId).size() >= properties.getMaxKeysPerUser()) {
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, Messages.get("webauthn.refused.most-keys"));
        }
        String transports = key.transports();
        boolean discoverable = key.discoverable();
        boolean first = credentials(userId).isEmpty();
        WebAuthnCredential stored = new WebAuthnCredential(userId, credentialId, key.attestedData(), aaguid,
                key.signCount(), transports, discoverable, label, clock.instant());
        em.persist(stored);
        em.flush();
        List<String> codes = first ? secondFactors.added(userId) : List.of();
        log.info("User {} registered a security key ({}{})", userId, discoverable ? "passkey, " : "", transports);
        return new Registered(key(stored), codes);
    }

    // ---- sign-in ------------------------------------------------------------------------------------------------

    /** Starts a sign-in with one of the user's keys as the second factor. */
    @Transactional(readOnly = true)
    public Ceremony startSecondFactor(long userId, RelyingParty rp) {
        byte[] challenge = challenge();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", B64U.encodeToString(challenge));
        options.put("rpId", rp.id());
        options.put("timeout", properties.getChallengeTimeout().toMillis());
        options.put("userVerification", "discouraged");
        options.put("allowCredentials", credentials(userId).stream().map(c -> {
            Map<String, Object> allowed = new LinkedHashMap<>();
            allowed.put("type", "public-key");
            allowed.put("id", c.credentialId());
            if (!c.transports().isEmpty()) {
                allowed.put("transports", List.of(c.transports().split(",")));
            }
            return allowed;
        }).toList());
        return new Ceremony(Ceremony.Kind.SECOND_FACTOR, challenge, expiry(), rp, userId, json(options));
    }

    /** Starts a sign-in with a passkey alone: any of this site's passkeys, with user verification. */
    public Ceremony startPasswordless(RelyingParty rp) {
        if (!properties.isPasswordless()) {
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, Messages.get("webauthn.refused.passwordless-off"));
        }
        byte[] challenge = challenge();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", B64U.encodeToString(challenge));
        options.put("rpId", rp.id());
        options.put("timeout", properties.getChallengeTimeout().toMillis());
        options.put("userVerification", "required");
        return new Ceremony(Ceremony.Kind.PASSWORDLESS, challenge, expiry(), rp, null, json(options));
    }

    /**
     * Checks a key's answer at the second step of a sign-in. Counts against the throttle like a code.
     *
     * @throws WebAuthnRefusedException when it is not one of the user's keys or anything does not match
     */
    // A refusal commits: the failure it counted and a clone warning must stay recorded.
    @Transactional(noRollbackFor = WebAuthnRefusedException.class)
    public void finishSecondFactor(Ceremony ceremony, long userId, String username, String responseJson,
            String address) {
        verifier.spend(ceremony, Ceremony.Kind.SECOND_FACTOR);
        if (ceremony.userId() == null || ceremony.userId() != userId) {
            throw new WebAuthnRefusedException(Reason.INVALID, CeremonyVerifier.invalid());
        }
        LoginThrottleService.Attempt slot = throttle.reserve(username, address);
        if (!slot.allowed()) {
            throw new WebAuthnRefusedException(Reason.THROTTLED, throttled());
        }
        try {
            assertion(ceremony, responseJson, userId, false);
        } catch (WebAuthnRefusedException refused) {
            throttle.failed(slot);
            throw refused;
        }
        throttle.passed(slot); // the run of failures ends when the sign-in completes
    }

    /**
     * Checks a passkey's answer on the sign-in page: a registered passkey of an active user, with user verification.
     * Counts against the throttle of that user (and of the address, for keys nobody has).
     *
     * @return the user's username
     */
    // A refusal commits: the failure it counted and a clone warning must stay recorded.
    @Transactional(noRollbackFor = WebAuthnRefusedException.class)
    public String finishPasswordless(Ceremony ceremony, String responseJson, String address) {
        verifier.spend(ceremony, Ceremony.Kind.PASSWORDLESS);
        if (!properties.isPasswordless()) {
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, Messages.get("webauthn.refused.passwordless-off"));
        }
        WebAuthnCredential credential = credentialOf(responseJson);
        AdminUser user = credential == null ? null : em.find(AdminUser.class, credential.userId());
        if (user == null) {
            throttle.recordFailure("", address);
            log.info("Refused a passkey sign-in from {}: the key is not registered", address);
            throw new WebAuthnRefusedException(Reason.UNKNOWN_KEY,
                    Messages.get("webauthn.refused.unknown-passkey"));
        }
        LoginThrottleService.Attempt slot = throttle.reserve(user.getUsername(), address);
        if (!slot.allowed()) {
            throw new WebAuthnRefusedException(Reason.THROTTLED, throttled());
        }
        try {
            assertion(ceremony, responseJson, user.getId(), true);
        } catch (WebAuthnRefusedException refused) {
            throttle.failed(slot);
            throw refused;
        }
        throttle.passed(slot);
        return user.getUsername();
    }

    private void assertion(Ceremony ceremony, String responseJson, long userId, boolean passwordless) {
        AuthenticationData data = verifier.parseAssertion(responseJson);
        WebAuthnCredential credential = find(B64U.encodeToString(data.getCredentialId()));
        if (credential == null || credential.userId() != userId) {
            log.info("Refused a security key for user {}: not one of theirs", userId);
            throw new WebAuthnRefusedException(Reason.UNKNOWN_KEY, unknown());
        }
        if (passwordless) {
            WebAuthnUserHandle handle = em.find(WebAuthnUserHandle.class, userId);
            if (handle == null || data.getUserHandle() == null
                    || !handle.userHandle().equals(B64U.encodeToString(data.getUserHandle()))) {
                log.info("Refused a passkey sign-in for user {}: the key's user handle does not match", userId);
                throw new WebAuthnRefusedException(Reason.UNKNOWN_KEY, unknown());
            }
        }
        long signCount;
        try {
            signCount = verifier.authenticate(ceremony, data, credential.publicKey(), credential.signCount(),
                    credential.transports(), passwordless);
        } catch (WebAuthnRefusedException refused) {
            if (refused.reason() == Reason.CLONED) {
                credential.cloneWarning(clock.instant());
                log.warn("Refused security key '{}' of user {}: its signature counter went backwards ({} after {});"
                        + " it may have been copied", credential.name(), userId,
                        data.getAuthenticatorData().getSignCount(), credential.signCount());
            }
            throw refused;
        }
        credential.used(signCount, clock.instant());
    }

    /**
     * True when {@code responseJson} is an answer by one of the user's own keys to {@code ceremony} (started with
     * {@link #startSecondFactor}), for a signed-in user confirming a change. The challenge is spent either way; a
     * clone warning is recorded. Counts nothing against the throttle (the caller does) and never throws a refusal.
     */
    @Transactional(noRollbackFor = WebAuthnRefusedException.class)
    public boolean keyConfirms(Ceremony ceremony, long userId, String responseJson) {
        try {
            verifier.spend(ceremony, Ceremony.Kind.SECOND_FACTOR);
            if (ceremony.userId() == null || ceremony.userId() != userId) {
                return false;
            }
            assertion(ceremony, responseJson, userId, false);
            return true;
        } catch (WebAuthnRefusedException refused) {
            log.info("A security key did not confirm user {}: {}", userId, refused.reason());
            return false;
        }
    }

    private WebAuthnCredential credentialOf(String responseJson) {
        return find(B64U.encodeToString(verifier.parseAssertion(responseJson).getCredentialId()));
    }

    // ---- the user's keys ----------------------------------------------------------------------------------------

    /** The user's keys, oldest first. */
    @Transactional(readOnly = true)
    public List<Key> keys(long userId) {
        return credentials(userId).stream().map(WebAuthnService::key).toList();
    }

    @Transactional(readOnly = true)
    public boolean hasKeys(long userId) {
        return !credentials(userId).isEmpty();
    }

    /** Renames one of the user's own keys. */
    @Transactional
    public void rename(long userId, long keyId, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 64) {
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, Messages.get("webauthn.refused.name-length"));
        }
        own(userId, keyId).rename(label);
    }

    /**
     * Removes one of the user's own keys after they entered their password again and gave a current second factor:
     * a code from their authenticator app, a recovery code (then spent), or an answer by one of their keys. A wrong
     * password, a wrong factor or none counts against the sign-in throttle like a wrong code. A user for whom
     * two-factor sign-in is required cannot remove their last key while no authenticator app remains.
     */
    // A refusal commits: the failure it counted (and a spent recovery code or challenge) must stay.
    @Transactional(noRollbackFor = WebAuthnRefusedException.class)
    public void remove(long userId, long keyId, String password, Factor factor, String address) {
        AdminUser user = em.find(AdminUser.class, userId);
        if (user == null) {
            throw new WebAuthnRefusedException(Reason.UNKNOWN_KEY, unknown());
        }
        if (!throttle.check(user.getUsername(), address).allowed()) {
            throw new WebAuthnRefusedException(Reason.THROTTLED, throttled());
        }
        WebAuthnCredential credential = own(userId, keyId);
        // Decided before any code is looked at, so a refused removal never spends a recovery code.
        if (credentials(userId).size() == 1 && !secondFactors.mayRemoveLast(userId)) {
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, Messages.get("webauthn.refused.last-key"));
        }
        if (factor == null || factor.missing()) {
            throttle.recordFailure(user.getUsername(), address);
            log.info("Refused removing a security key of user '{}' from {}: no second factor given",
                    user.getUsername(), address);
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, noFactor());
        }
        boolean passwordRight = users.passwordMatches(userId, password);
        // A wrong password never gets to spend a recovery code; a key's challenge is spent either way.
        boolean factorRight = factor.ceremony() != null ? keyConfirms(factor.ceremony(), userId, factor.answer())
                : passwordRight && secondFactors.codeMatches(userId, factor.code());
        if (!passwordRight || !factorRight) {
            throttle.recordFailure(user.getUsername(), address);
            log.info("Refused removing a security key of user '{}' from {}: wrong password or second factor",
                    user.getUsername(), address);
            throw new WebAuthnRefusedException(Reason.NOT_ALLOWED, wrongFactor());
        }
        em.remove(credential);
        em.flush();
        log.info("User '{}' removed security key '{}'", user.getUsername(), credential.name());
        if (credentials(userId).isEmpty()) {
            secondFactors.removedLast(userId);
        }
    }

    /** Keys whose signature counter went backwards, for administrators. */
    @Transactional(readOnly = true)
    public long keysWithCloneWarning() {
        return em.createQuery("select count(c) from WebAuthnCredential c where c.cloneWarningAt is not null",
                Long.class).getSingleResult();
    }

    /** Active staff users by second factor: none, an authenticator app or text messages only, a security key. */
    @Transactional(readOnly = true)
    public Map<String, Long> staffByMethod() {
        long staff = em.createQuery("select count(u) from AdminUser u where u.staff = true and u.active = true",
                Long.class).getSingleResult();
        long withKey = em.createQuery("select count(distinct c.userId) from WebAuthnCredential c, AdminUser u"
                + " where u.id = c.userId and u.staff = true and u.active = true", Long.class).getSingleResult();
        long without = em.createQuery("select count(u) from AdminUser u where u.staff = true and u.active = true"
                + " and u.twoFactorEnabled = false", Long.class).getSingleResult();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("none", without);
        counts.put("code", Math.max(0, staff - without - withKey));
        counts.put("key", withKey);
        return counts;
    }

    /** Active staff users whose only second factor is text messages (no authenticator app, no key). */
    @Transactional(readOnly = true)
    public long staffWithTextMessagesOnly() {
        return ((Number) em.createNativeQuery("select count(*) from portcullis_user u join portcullis_two_factor t"
                + " on t.user_id = u.id where u.staff = true and u.active = true and t.method = 'SMS' and not exists"
                + " (select 1 from portcullis_webauthn_credential c where c.user_id = u.id)").getSingleResult())
                .longValue();
    }

    // ---- parts --------------------------------------------------------------------------------------------------

    private byte[] challenge() {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        return challenge;
    }

    private Instant expiry() {
        return clock.instant().plus(properties.getChallengeTimeout());
    }

    private String userHandle(long userId) {
        WebAuthnUserHandle handle = em.find(WebAuthnUserHandle.class, userId);
        if (handle == null) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            handle = new WebAuthnUserHandle(userId, B64U.encodeToString(bytes));
            em.persist(handle);
        }
        return handle.userHandle();
    }

    private String json(Map<String, Object> options) {
        return verifier.json(options);
    }

    private List<WebAuthnCredential> credentials(long userId) {
        return em.createQuery("select c from WebAuthnCredential c where c.userId = :user order by c.id",
                WebAuthnCredential.class).setParameter("user", userId).getResultList();
    }

    private WebAuthnCredential find(String credentialId) {
        return em.createQuery("select c from WebAuthnCredential c where c.credentialId = :id", WebAuthnCredential.class)
                .setParameter("id", credentialId).getResultStream().findFirst().orElse(null);
    }

    private WebAuthnCredential own(long userId, long keyId) {
        WebAuthnCredential credential = em.find(WebAuthnCredential.class, keyId);
        if (credential == null || credential.userId() != userId) {
            throw new WebAuthnRefusedException(Reason.UNKNOWN_KEY, Messages.get("webauthn.refused.unknown-yours"));
        }
        return credential;
    }

    private static Key key(WebAuthnCredential c) {
        return new Key(c.id(), c.name(), c.createdAt(), c.lastUsedAt(),
                c.transports().isEmpty() ? List.of() : new ArrayList<>(List.of(c.transports().split(","))),
                c.discoverable(), c.cloneWarningAt() != null);
    }
}
