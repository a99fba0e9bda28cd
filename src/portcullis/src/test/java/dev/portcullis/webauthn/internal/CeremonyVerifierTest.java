package dev.portcullis.webauthn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.portcullis.testsupport.MutableClock;
import dev.portcullis.webauthn.internal.WebAuthnRefusedException.Reason;

/** The ceremonies' checks against answers from a software authenticator with a real key pair. */
class CeremonyVerifierTest {

    private static final String ORIGIN = "https://admin.example.com";
    private static final String RP_ID = "admin.example.com";
    private static final RelyingParty RP = new RelyingParty(RP_ID, Set.of(ORIGIN));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final CeremonyVerifier verifier = new CeremonyVerifier(clock);
    private final TestAuthenticator authenticator = new TestAuthenticator();
    private final SecureRandom random = new SecureRandom();

    private Ceremony ceremony(Ceremony.Kind kind) {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        return new Ceremony(kind, challenge, clock.instant().plus(Duration.ofMinutes(2)), RP, 7L, "{}");
    }

    private CeremonyVerifier.NewKey registered() {
        Ceremony registration = ceremony(Ceremony.Kind.REGISTER);
        verifier.spend(registration, Ceremony.Kind.REGISTER);
        return verifier.register(registration,
                authenticator.register(registration.challenge(), ORIGIN, RP_ID, true));
    }

    private long signIn(CeremonyVerifier.NewKey key, String origin, String rpId, boolean userVerified, long counter,
            long storedCounter, boolean userVerificationRequired) {
        Ceremony signIn = ceremony(Ceremony.Kind.SECOND_FACTOR);
        verifier.spend(signIn, Ceremony.Kind.SECOND_FACTOR);
        String answer = authenticator.sign(signIn.challenge(), origin, rpId, userVerified, counter, null);
        return verifier.authenticate(signIn, verifier.parseAssertion(answer), key.attestedData(), storedCounter,
                key.transports(), userVerificationRequired);
    }

    @Test
    void registersAKeyAndSignsInWithIt() {
        CeremonyVerifier.NewKey key = registered();

        assertThat(key.aaguid()).isEqualTo(TestAuthenticator.AAGUID.toString());
        assertThat(key.transports()).isEqualTo("internal");
        assertThat(key.discoverable()).isTrue();
        assertThat(key.credentialId()).isEqualTo(CeremonyVerifier.B64U.encodeToString(authenticator.credentialId));
        assertThat(signIn(key, ORIGIN, RP_ID, false, 1, 0, false)).isEqualTo(1);
        assertThat(signIn(key, ORIGIN, RP_ID, true, 2, 1, true)).isEqualTo(2);
    }

    @Test
    void refusesARegistrationFromAnotherOrigin() {
        Ceremony registration = ceremony(Ceremony.Kind.REGISTER);
        verifier.spend(registration, Ceremony.Kind.REGISTER);
        String phished = authenticator.register(registration.challenge(), "https://admin.example.com.evil.test",
                RP_ID, true);

        assertThatThrownBy(() -> verifier.register(registration, phished))
                .isInstanceOfSatisfying(WebAuthnRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.WRONG_ORIGIN))
                .hasMessage(CeremonyVerifier.wrongOrigin());
    }

    @Test
    void refusesASignInFromAnotherOrigin() {
        CeremonyVerifier.NewKey key = registered();

        assertThatThrownBy(() -> signIn(key, "http://admin.example.com", RP_ID, false, 1, 0, false))
                .hasMessage(CeremonyVerifier.wrongOrigin());
    }

    @Test
    void refusesAKeyAnsweringForAnotherRelyingParty() {
        CeremonyVerifier.NewKey key = registered();

        assertThatThrownBy(() -> signIn(key, ORIGIN, "example.org", false, 1, 0, false))
                .isInstanceOfSatisfying(WebAuthnRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.WRONG_RP_ID))
                .hasMessage(CeremonyVerifier.wrongRpId());
    }

    @Test
    void aChallengeIsAnsweredOnlyOnce() {
        Ceremony signIn = ceremony(Ceremony.Kind.SECOND_FACTOR);
        verifier.spend(signIn, Ceremony.Kind.SECOND_FACTOR);

        assertThatThrownBy(() -> verifier.spend(signIn, Ceremony.Kind.SECOND_FACTOR))
                .isInstanceOfSatisfying(WebAuthnRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.REPLAYED))
                .hasMessage(CeremonyVerifier.replayed());
    }

    @Test
    void anAnswerToAnEarlierChallengeIsRefusedForANewOne() {
        CeremonyVerifier.NewKey key = registered();
        Ceremony earlier = ceremony(Ceremony.Kind.SECOND_FACTOR);
        String recorded = authenticator.sign(earlier.challenge(), ORIGIN, RP_ID, false, 1, null);
        Ceremony now = ceremony(Ceremony.Kind.SECOND_FACTOR);
        verifier.spend(now, Ceremony.Kind.SECOND_FACTOR);

        assertThatThrownBy(() -> verifier.authenticate(now, verifier.parseAssertion(recorded), key.attestedData(), 0,
                key.transports(), false)).hasMessage(CeremonyVerifier.replayed());
    }

    @Test
    void anExpiredChallengeIsRefused() {
        Ceremony signIn = ceremony(Ceremony.Kind.SECOND_FACTOR);
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        assertThatThrownBy(() -> verifier.spend(signIn, Ceremony.Kind.SECOND_FACTOR))
                .isInstanceOfSatisfying(WebAuthnRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.EXPIRED))
                .hasMessage(CeremonyVerifier.expired());
    }

    @Test
    void aSignatureCounterGoingBackwardsIsRefusedAsAClone() {
        CeremonyVerifier.NewKey key = registered();

        assertThatThrownBy(() -> signIn(key, ORIGIN, RP_ID, false, 5, 10, false))
                .isInstanceOfSatisfying(WebAuthnRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.CLONED))
                .hasMessage(CeremonyVerifier.cloned());
        assertThatThrownBy(() -> signIn(key, ORIGIN, RP_ID, false, 10, 10, false))
                .hasMessage(CeremonyVerifier.cloned());
    }

    @Test
    void passwordlessSignInNeedsUserVerification() {
        CeremonyVerifier.NewKey key = registered();

        assertThatThrownBy(() -> signIn(key, ORIGIN, RP_ID, false, 1, 0, true))
                .isInstanceOfSatisfying(WebAuthnRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.USER_NOT_VERIFIED))
                .hasMessage(CeremonyVerifier.notVerified());
    }

    @Test
    void anAnswerSignedByAnotherKeyIsRefused() {
        CeremonyVerifier.NewKey key = registered();
        TestAuthenticator other = new TestAuthenticator();
        Ceremony signIn = ceremony(Ceremony.Kind.SECOND_FACTOR);
        verifier.spend(signIn, Ceremony.Kind.SECOND_FACTOR);
        String forged = other.sign(signIn.challenge(), ORIGIN, RP_ID, true, 1, null);

        assertThatThrownBy(() -> verifier.authenticate(signIn, verifier.parseAssertion(forged), key.attestedData(), 0,
                key.transports(), false)).hasMessage(CeremonyVerifier.invalid());
    }

    @Test
    void anUnreadableAnswerIsRefusedWithoutDetail() {
        assertThatThrownBy(() -> verifier.parseAssertion("{\"id\": 1"))
                .isInstanceOf(WebAuthnRefusedException.class).hasMessage(CeremonyVerifier.invalid());
    }
}
