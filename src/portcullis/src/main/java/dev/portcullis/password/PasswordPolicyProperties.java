package dev.portcullis.password;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Password rules ({@code portcullis.password.*}). Defaults follow NIST SP 800-63B and OWASP ASVS: long passwords,
 * any characters including spaces and emoji, no composition rules, no forced rotation, and no common or easily
 * guessed passwords.
 */
@ConfigurationProperties("portcullis.password")
public class PasswordPolicyProperties {

    /** Fewest characters (Unicode code points) a password may have. */
    private int minLength = 12;

    /** Most characters a password may have; longer ones are refused, never truncated. */
    private int maxLength = 128;

    /** Lowest zxcvbn strength score (0 to 4) a password must reach. */
    private int minScore = 3;

    /** Refuse the 100,000 most common passwords (checked ignoring case). */
    private boolean refuseCommon = true;

    /**
     * Characters of a password that the strength estimate looks at. zxcvbn's cost grows quickly with length, so a
     * bounded prefix keeps a very long input from tying up a CPU; a prefix this long is strong on its own.
     */
    private int estimateLimit = 100;

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

    public int getMinScore() {
        return minScore;
    }

    public void setMinScore(int minScore) {
        if (minScore < 0 || minScore > 4) {
            throw new IllegalArgumentException("'portcullis.password.min-score' must be between 0 and 4 (3 recommended)");
        }
        this.minScore = minScore;
    }

    public boolean isRefuseCommon() {
        return refuseCommon;
    }

    public void setRefuseCommon(boolean refuseCommon) {
        this.refuseCommon = refuseCommon;
    }

    public int getEstimateLimit() {
        return estimateLimit;
    }

    public void setEstimateLimit(int estimateLimit) {
        if (estimateLimit < 16 || estimateLimit > 256) {
            throw new IllegalArgumentException("'portcullis.password.estimate-limit' must be between 16 and 256");
        }
        this.estimateLimit = estimateLimit;
    }
}
