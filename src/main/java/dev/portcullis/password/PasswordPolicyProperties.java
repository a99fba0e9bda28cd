package dev.portcullis.password;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Password rules ({@code portcullis.password.*}). Defaults follow NIST SP 800-63B and OWASP ASVS:
 * long passwords, any characters, no composition rules, no forced rotation.
 */
@ConfigurationProperties("portcullis.password")
public class PasswordPolicyProperties {

    /** Fewest characters (Unicode code points) a password may have. */
    private int minLength = 12;

    /** Most characters a password may have; longer ones are refused, never truncated. */
    private int maxLength = 128;

    public int getMinLength() {
        return minLength;
    }

    public void setMinLength(int minLength) {
        if (minLength < 1) {
            throw new IllegalArgumentException("'portcullis.password.min-length' must be at least 1 (ASVS asks for 12)");
        }
        this.minLength = minLength;
    }

    public int getMaxLength() {
        return maxLength;
    }

    public void setMaxLength(int maxLength) {
        if (maxLength < 64) {
            throw new IllegalArgumentException("'portcullis.password.max-length' must be at least 64 so passphrases fit (ASVS 2.1.2)");
        }
        this.maxLength = maxLength;
    }
}
