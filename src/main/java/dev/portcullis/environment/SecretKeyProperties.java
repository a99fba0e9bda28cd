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

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }
}
