package dev.portcullis.webauthn.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;

import dev.portcullis.webauthn.internal.WebAuthnRefusedException.Reason;
import dev.portcullis.i18n.Messages;

/**
 * The checks of a ceremony, apart from storage: the challenge is this ceremony's, unspent and unexpired; the origin
 * and relying-party id are ours; the signature is right; the user was present and, where required, verified; the
 * signature counter went forward. Each failure becomes a refusal whose message is written for the user.
 */
final class CeremonyVerifier {

    private static final Logger log = LoggerFactory.getLogger(CeremonyVerifier.class);
    static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
    static final Base64.Decoder B64U_DECODER = Base64.getUrlDecoder();
    /** ES256, EdDSA and RS256: what security keys, platform authenticators and Windows Hello use. */
    static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    static String expired() {
        return Messages.get("webauthn.refused.expired");
    }

    static String replayed() {
        return Messages.get("webauthn.refused.replayed");
    }

    static String wrongOrigin() {
        return Messages.get("webauthn.refused.wrong-origin");
    }

    static String wrongRpId() {
        return Messages.get("webauthn.refused.wrong-rp-id");
    }

    static String notVerified() {
        return Messages.get("webauthn.refused.not-verified");
    }

    static String cloned() {
        return Messages.get("webauthn.refused.cloned");
    }

    static String invalid() {
        return Messages.get("webauthn.refused.invalid");
    }


    /** What registration found out about a new key. */
    record NewKey(String credentialId, String attestedData, String aaguid, long signCount, String transports,
            boolean discoverable) {
    }

    private final Clock clock;
    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    private final AttestedCredentialDataConverter attestedData = new AttestedCredentialDataConverter(converter);

    CeremonyVerifier(Clock clock) {
        this.clock = clock;
    }

    /** The ceremony's challenge is spent now, by this answer, whatever becomes of it. */
    void spend(Ceremony ceremony, Ceremony.Kind kind) {
        if (ceremony == null || ceremony.kind() != kind) {
            throw new WebAuthnRefusedException(Reason.INVALID, invalid());
        }
        if (!ceremony.spend()) {
            log.warn("Refused a replayed security key answer ({})", kind);
            throw new WebAuthnRefusedException(Reason.REPLAYED, replayed());
        }
        if (clock.instant().isAfter(ceremony.expiresAt())) {
            throw new WebAuthnRefusedException(Reason.EXPIRED, expired());
        }
    }

    /** Checks a registration answer (after {@link #spend}). */
    NewKey register(Ceremony ceremony, String responseJson) {
        RegistrationData data;
        try {
            data = manager.parseRegistrationResponseJSON(responseJson);
        } catch (RuntimeException unreadable) {
            throw unreadable(unreadable);
        }
        try {
            manager.verify(data, new RegistrationParameters(serverProperty(ceremony), ALGORITHMS, false, true));
        } catch (VerificationException refused) {
            throw refusal(refused, "registration", ceremony.userId());
        }
        AttestedCredentialData credential = data.getAttestationObject().getAuthenticatorData()
                .getAttestedCredentialData();
        String aaguid = credential.getAaguid() == null || credential.getAaguid().getValue() == null
                ? "00000000-0000-0000-0000-000000000000" : credential.getAaguid().getValue().toString();
        String transports = data.getTransports() == null ? "" : data.getTransports().stream()
                .map(AuthenticatorTransport::getValue).sorted().collect(Collectors.joining(","));
        boolean discoverable = data.getClientExtensions() != null && data.getClientExtensions().getCredProps() != null
                && Boolean.TRUE.equals(data.getClientExtensions().getCredProps().getRk());
        return new NewKey(B64U.encodeToString(credential.getCredentialId()),
                B64U.encodeToString(attestedData.convert(credential)), aaguid,
                data.getAttestationObject().getAuthenticatorData().getSignCount(), transports, discoverable);
    }

    /** The parsed sign-in answer: the credential it names and the user handle it carries, before any check. */
    AuthenticationData parseAssertion(String responseJson) {
        try {
            AuthenticationData data = manager.parseAuthenticationResponseJSON(responseJson);
            if (data.getCredentialId() == null) {
                throw new WebAuthnRefusedException(Reason.INVALID, invalid());
            }
            return data;
        } catch (WebAuthnRefusedException refused) {
            throw refused;
        } catch (RuntimeException unreadable) {
            throw unreadable(unreadable);
        }
    }

    /**
     * Checks a sign-in answer against the stored key (after {@link #spend}).
     *
     * @return the key's new signature counter
     * @throws WebAuthnRefusedException with reason {@code CLONED} when the counter did not go forward
     */
    long authenticate(Ceremony ceremony, AuthenticationData data, String storedAttestedData, long storedSignCount,
            String storedTransports, boolean userVerificationRequired) {
        AttestedCredentialData attested = attestedData.convert(B64U_DECODER.decode(storedAttestedData));
        Set<AuthenticatorTransport> transports = storedTransports == null || storedTransports.isEmpty() ? Set.of()
                : Arrays.stream(storedTransports.split(",")).map(AuthenticatorTransport::create)
                        .collect(Collectors.toSet());
        CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                storedSignCount, attested, null, null, null, transports);
        try {
            manager.verify(data, new AuthenticationParameters(serverProperty(ceremony), record,
                    List.of(attested.getCredentialId()), userVerificationRequired, true));
        } catch (MaliciousCounterValueException cloned) {
            throw new WebAuthnRefusedException(Reason.CLONED, cloned());
        } catch (VerificationException refused) {
            throw refusal(refused, "sign-in", ceremony.userId());
        }
        return data.getAuthenticatorData().getSignCount();
    }

    String json(Object options) {
        return converter.getJsonMapper().writeValueAsString(options);
    }

    private static WebAuthnRefusedException unreadable(RuntimeException cause) {
        log.info("Refused an unreadable security key answer: {}", cause.getClass().getSimpleName());
        return new WebAuthnRefusedException(Reason.INVALID, invalid());
    }

    private static WebAuthnRefusedException refusal(VerificationException refused, String what, Long userId) {
        Reason reason;
        String message;
        if (refused instanceof BadOriginException) {
            reason = Reason.WRONG_ORIGIN;
            message = wrongOrigin();
        } else if (refused instanceof BadRpIdException) {
            reason = Reason.WRONG_RP_ID;
            message = wrongRpId();
        } else if (refused instanceof BadChallengeException) {
            reason = Reason.REPLAYED;
            message = replayed();
        } else if (refused instanceof UserNotVerifiedException) {
            reason = Reason.USER_NOT_VERIFIED;
            message = notVerified();
        } else {
            reason = Reason.INVALID;
            message = invalid();
        }
        log.info("Refused a security key {} for user {}: {}", what, userId, reason);
        return new WebAuthnRefusedException(reason, message);
    }

    private static ServerProperty serverProperty(Ceremony ceremony) {
        Set<Origin> origins = ceremony.relyingParty().origins().stream().map(Origin::create)
                .collect(Collectors.toSet());
        return new ServerProperty(origins, ceremony.relyingParty().id(), new DefaultChallenge(ceremony.challenge()));
    }
}
