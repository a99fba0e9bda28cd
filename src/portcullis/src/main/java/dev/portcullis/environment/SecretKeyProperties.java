package dev.portcullis.environment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's secret key ({@code portcullis.secret-key}, or the environment variable
 * {@code PORTCULLIS_SECRET_KEY}): at least 32 random bytes, Base64-encoded, e.g. from
 * {@code openssl rand -base64 32}. Required in production.
 */
@ConfigurationProperties("portcullis")
public class SecretKeyProperties {

    /** Base64 of at least 32 random bytes; encrypts secrets at rest. Required in production. */
    private String secretKey;

    /**
     * Keys used before {@code secret-key}, Base64 as well: secrets encrypted with them can still be read, and are
     * encrypted again with the current key as they are used. Remove a key once nothing needs it.
     */
    private java.util.List<String> previousSecretKeys = new java.util.ArrayList<>();

    public java.util.List<String> getPreviousSecretKeys() {
        return previousSecretKeys;
    }

    public void setPreviousSecretKeys(java.util.List<String> previousSecretKeys) {
        this.previousSecretKeys = previousSecretKeys;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }
}
