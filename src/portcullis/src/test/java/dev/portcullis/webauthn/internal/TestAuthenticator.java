package dev.portcullis.webauthn.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;

/**
 * A software authenticator for tests: a real P-256 key pair, and the registration and sign-in answers a browser
 * would return (clientDataJSON, attestation object "none", authenticator data, ECDSA signature), built byte for byte
 * so that each field can be made wrong on purpose.
 */
final class TestAuthenticator {

    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
    static final UUID AAGUID = UUID.fromString("cb69481e-8ff7-4039-93ec-0a2729a154a8");

    private final ObjectConverter converter = new ObjectConverter();
    private final KeyPair keys;
    final byte[] credentialId = new byte[16];
    final UUID aaguid;

    TestAuthenticator() {
        this(AAGUID);
    }

    TestAuthenticator(UUID aaguid) {
        this.aaguid = aaguid;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    /** What {@code navigator.credentials.create} returns, as the page's script sends it. */
    String register(byte[] challenge, String origin, String rpId, boolean userVerified) {
        byte[] clientData = clientData("webauthn.create", challenge, origin);
        byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_AT
                | (userVerified ? AuthenticatorData.BIT_UV : 0));
        AttestedCredentialData attested = new AttestedCredentialData(new AAGUID(aaguid), credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput> data =
                new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, 0, attested);
        byte[] attestationObject = new AttestationObjectConverter(converter)
                .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64U.encodeToString(clientData));
        response.put("attestationObject", B64U.encodeToString(attestationObject));
        response.put("transports", List.of("internal"));
        return json(Map.of("id", B64U.encodeToString(credentialId), "rawId", B64U.encodeToString(credentialId),
                "type", "public-key", "response", response,
                "clientExtensionResults", Map.of("credProps", Map.of("rk", true))));
    }

    /** What {@code navigator.credentials.get} returns, signed with this authenticator's private key. */
    String sign(byte[] challenge, String origin, String rpId, boolean userVerified, long counter, byte[] userHandle) {
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        byte flags = (byte) (AuthenticatorData.BIT_UP | (userVerified ? AuthenticatorData.BIT_UV : 0));
        byte[] authenticatorData = new AuthenticatorDataConverter(converter).convert(
                new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, counter));
        byte[] signed;
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(authenticatorData);
            signature.update(sha256(clientData));
            signed = signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64U.encodeToString(clientData));
        response.put("authenticatorData", B64U.encodeToString(authenticatorData));
        response.put("signature", B64U.encodeToString(signed));
        response.put("userHandle", userHandle == null ? null : B64U.encodeToString(userHandle));
        return json(Map.of("id", B64U.encodeToString(credentialId), "rawId", B64U.encodeToString(credentialId),
                "type", "public-key", "response", response, "clientExtensionResults", Map.of()));
    }

    private byte[] clientData(String type, byte[] challenge, String origin) {
        return json(Map.of("type", type, "challenge", B64U.encodeToString(challenge), "origin", origin,
                "crossOrigin", false)).getBytes(StandardCharsets.UTF_8);
    }

    private String json(Object value) {
        return converter.getJsonMapper().writeValueAsString(value);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
