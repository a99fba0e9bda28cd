package dev.portcullis.twofactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Two-factor sign-in ({@code portcullis.two-factor.*}). */
@ConfigurationProperties("portcullis.two-factor")
public class TwoFactorProperties {

    /** Two-factor sign-in at all; off, every user signs in with a password alone (reported as security.W080). */
    private boolean enabled = true;

    /**
     * Authorities (roles such as ROLE_STAFF or ROLE_SUPERUSER) whose holders must sign in with a second factor; a user
     * who has none goes from the password straight into the setup wizard. Empty: nobody is forced.
     */
    private List<String> requiredFor = new ArrayList<>(List.of("ROLE_STAFF"));

    /** How long a sign-in may wait at the code step after a correct password before it must start again. */
    private Duration codeStepTimeout = Duration.ofMinutes(5);

    /** How long a user who must set up two-factor sign-in may spend in the wizard before signing in again. */
    private Duration setupTimeout = Duration.ofMinutes(15);

    /** Name shown in authenticator apps; the admin's site name when empty. */
    private String issuer;

    /** Number of single-use recovery codes handed out at a time. */
    private int recoveryCodes = 10;

    /** The optional text-message method. */
    private final Sms sms = new Sms();

    public Sms getSms() {
        return sms;
    }

    /** Text-message codes ({@code portcullis.two-factor.sms.*}): off unless the application provides an SmsSender. */
    public static class Sms {

        /** Offer text-message codes as a (weaker) second factor; needs an SmsSender bean. */
        private boolean enabled;

        /** How long a texted code stays valid. */
        private Duration codeValidity = Duration.ofMinutes(5);

        /** Shortest time between two texts to one user. */
        private Duration resendInterval = Duration.ofSeconds(60);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getCodeValidity() {
            return codeValidity;
        }

        public void setCodeValidity(Duration codeValidity) {
            if (codeValidity.isNegative() || codeValidity.isZero() || codeValidity.toMinutes() > 10) {
                throw new IllegalArgumentException(
                        "'portcullis.two-factor.sms.code-validity' must be between 1 second and 10 minutes");
            }
            this.codeValidity = codeValidity;
        }

        public Duration getResendInterval() {
            return resendInterval;
        }

        public void setResendInterval(Duration resendInterval) {
            if (resendInterval.isNegative()) {
                throw new IllegalArgumentException("'portcullis.two-factor.sms.resend-interval' must not be negative");
            }
            this.resendInterval = resendInterval;
        }
    }

    public List<String> getRequiredFor() {
        return requiredFor;
    }

    public void setRequiredFor(List<String> requiredFor) {
        this.requiredFor = requiredFor == null ? new ArrayList<>() : requiredFor;
    }

    public Duration getCodeStepTimeout() {
        return codeStepTimeout;
    }

    public void setCodeStepTimeout(Duration codeStepTimeout) {
        if (codeStepTimeout.isNegative() || codeStepTimeout.isZero() || codeStepTimeout.toMinutes() > 15) {
            throw new IllegalArgumentException(
                    "'portcullis.two-factor.code-step-timeout' must be between 1 second and 15 minutes");
        }
        this.codeStepTimeout = codeStepTimeout;
    }

    public Duration getSetupTimeout() {
        return setupTimeout;
    }

    public void setSetupTimeout(Duration setupTimeout) {
        if (setupTimeout.isNegative() || setupTimeout.isZero() || setupTimeout.toHours() > 1) {
            throw new IllegalArgumentException("'portcullis.two-factor.setup-timeout' must be between 1 second and 1 hour");
        }
        this.setupTimeout = setupTimeout;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public int getRecoveryCodes() {
        return recoveryCodes;
    }

    public void setRecoveryCodes(int recoveryCodes) {
        if (recoveryCodes < 5 || recoveryCodes > 20) {
            throw new IllegalArgumentException("'portcullis.two-factor.recovery-codes' must be between 5 and 20");
        }
        this.recoveryCodes = recoveryCodes;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
