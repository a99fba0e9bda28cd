package dev.portcullis.twofactor;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A user's confirmed authenticator: the TOTP secret, encrypted, and the last time step a code was accepted for. */
@Entity
@Table(name = "portcullis_two_factor")
class TwoFactorSecret {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Version
    private long version;

    @Column(nullable = false, length = 20)
    private String method;

    @Column(name = "secret_encrypted", nullable = false, length = 500)
    private String secretEncrypted;

    @Column(name = "key_id", nullable = false, length = 20)
    private String keyId;

    @Column(nullable = false)
    private Instant enabledAt;

    private Long lastUsedStep;

    private Instant lastUsedAt;

    protected TwoFactorSecret() {
    }

    TwoFactorSecret(long userId, SecretBox.Sealed secret, Instant enabledAt) {
        this.userId = userId;
        this.method = "TOTP";
        this.enabledAt = enabledAt;
        seal(secret);
    }

    void seal(SecretBox.Sealed secret) {
        this.secretEncrypted = secret.ciphertext();
        this.keyId = secret.keyId();
    }

    SecretBox.Sealed sealed() {
        return new SecretBox.Sealed(keyId, secretEncrypted);
    }

    Long lastUsedStep() {
        return lastUsedStep;
    }

    void used(long step, Instant at) {
        this.lastUsedStep = step;
        this.lastUsedAt = at;
    }

    Instant enabledAt() {
        return enabledAt;
    }
}
