package dev.portcullis.webauthn.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registered security key or passkey: its public key (inside the attested credential data, base64url) and what the
 * user and administrators see about it. No secret is kept: the private key never leaves the authenticator.
 */
@Entity
@Table(name = "portcullis_webauthn_credential")
public class WebAuthnCredential {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    /** The credential id, base64url. */
    @Column(name = "credential_id", nullable = false, unique = true, length = 1400)
    private String credentialId;

    /** The attested credential data (AAGUID, credential id, COSE public key), base64url. */
    @Column(name = "public_key", nullable = false, length = 2000)
    private String publicKey;

    @Column(nullable = false, length = 36)
    private String aaguid;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    /** The transports the browser reported, comma-separated (usb,nfc,internal,hybrid). */
    @Column(nullable = false, length = 200)
    private String transports;

    /** Registered as a passkey: kept on the authenticator, usable without a username. */
    @Column(nullable = false)
    private boolean discoverable;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** When a signature counter was seen going backwards: a sign the key may have been copied. */
    @Column(name = "clone_warning_at")
    private Instant cloneWarningAt;

    protected WebAuthnCredential() {
    }

    WebAuthnCredential(long userId, String credentialId, String publicKey, String aaguid, long signCount,
            String transports, boolean discoverable, String name, Instant createdAt) {
        this.userId = userId;
        this.credentialId = credentialId;
        this.publicKey = publicKey;
        this.aaguid = aaguid;
        this.signCount = signCount;
        this.transports = transports;
        this.discoverable = discoverable;
        this.name = name;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String credentialId() {
        return credentialId;
    }

    String publicKey() {
        return publicKey;
    }

    String aaguid() {
        return aaguid;
    }

    long signCount() {
        return signCount;
    }

    String transports() {
        return transports;
    }

    boolean discoverable() {
        return discoverable;
    }

    String name() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant cloneWarningAt() {
        return cloneWarningAt;
    }

    void used(long signCount, Instant at) {
        this.signCount = signCount;
        this.lastUsedAt = at;
    }

    void cloneWarning(Instant at) {
        this.cloneWarningAt = at;
    }

    @Override
    public String toString() {
        return "WebAuthnCredential[" + id + ", user " + userId + "]";
    }
}
