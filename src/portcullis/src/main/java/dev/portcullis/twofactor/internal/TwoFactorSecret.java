package dev.portcullis.twofactor.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A user's confirmed authenticator: the TOTP secret, encrypted, and the last time step a code was accepted for. */
@Entity
@Table(name = "portcullis_two_factor")
public class TwoFactorSecret {

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

    private String smsCodeHash;

    @Column(name = "sms_code_expires")
    private Instant smsCodeExpires;

    private Instant smsCodeSentAt;

    protected TwoFactorSecret() {
    }

    TwoFactorSecret(long userId, String method, SecretBox.Sealed secret, Instant enabledAt) {
        this.userId = userId;
        this.method = method;
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

    String method() {
        return method;
    }

    Instant smsCodeSentAt() {
        return smsCodeSentAt;
    }

    void smsCodeSent(String hash, Instant at, Instant expires) {
        this.smsCodeHash = hash;
        this.smsCodeSentAt = at;
        this.smsCodeExpires = expires;
    }

    /** True, once, for the hash of the code last texted while it is valid; the code is spent either way if right. */
    boolean useSmsCode(java.util.List<String> candidates, Instant now) {
        if (smsCodeHash == null || smsCodeExpires == null || now.isAfter(smsCodeExpires)) {
            return false;
        }
        boolean match = false;
        for (String candidate : candidates) {
            match |= SecretBox.same(candidate, smsCodeHash);
        }
        if (match) {
            smsCodeHash = null;
            smsCodeExpires = null;
        }
        return match;
    }

    Instant enabledAt() {
        return enabledAt;
    }
}
