package dev.portcullis.webauthn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Security keys and passkeys ({@code portcullis.webauthn.*}). */
@ConfigurationProperties("portcullis.webauthn")
public class WebAuthnProperties {

    /** Offer security keys and passkeys as a second factor (needs two-factor sign-in on). */
    private boolean enabled = true;

    /** Offer "Sign in with a passkey" on the sign-in page: a passkey with user verification replaces password and code. */
    private boolean passwordless;

    /**
     * The relying-party id keys are bound to: the admin's host name or a parent domain of it (example.com). Empty: the
     * host name of each request, which suits development; set it in production (checked as webauthn.E001).
     */
    private String rpId;

    /**
     * Origins (https://admin.example.com) a ceremony may come from. Empty: the origin of the request itself.
     */
    private List<String> allowedOrigins = new ArrayList<>();

    /** How long a browser has to answer a registration or sign-in request before it must be started again. */
    private Duration challengeTimeout = Duration.ofMinutes(2);

    /**
     * Authenticator models (AAGUIDs) that may be registered; empty: any. The model is what the authenticator claims,
     * and with the default attestation "none" it is not proven, so this is a policy for honest users' devices.
     */
    private List<String> allowedAaguids = new ArrayList<>();

    /** Security keys one user may register. */
    private int maxKeysPerUser = 10;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isPasswordless() {
        return passwordless;
    }

    public void setPasswordless(boolean passwordless) {
        this.passwordless = passwordless;
    }

    public String getRpId() {
        return rpId;
    }

    public void setRpId(String rpId) {
        if (rpId != null && !rpId.isBlank() && (rpId.contains("/") || rpId.contains(":"))) {
            throw new IllegalArgumentException("'portcullis.webauthn.rp-id' must be a host name such as example.com,"
                    + " without scheme or port");
        }
        this.rpId = rpId == null || rpId.isBlank() ? null : rpId.strip().toLowerCase(Locale.ROOT);
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        List<String> origins = new ArrayList<>();
        for (String origin : allowedOrigins == null ? List.<String>of() : allowedOrigins) {
            String value = origin.strip().toLowerCase(Locale.ROOT);
            if (!value.matches("https?://[^/]+")) {
                throw new IllegalArgumentException("'portcullis.webauthn.allowed-origins' must hold origins such as"
                        + " https://admin.example.com (scheme and host, no path); got '" + origin + "'");
            }
            origins.add(value);
        }
        this.allowedOrigins = origins;
    }

    public Duration getChallengeTimeout() {
        return challengeTimeout;
    }

    public void setChallengeTimeout(Duration challengeTimeout) {
        if (challengeTimeout.isNegative() || challengeTimeout.isZero() || challengeTimeout.toMinutes() > 10) {
            throw new IllegalArgumentException(
                    "'portcullis.webauthn.challenge-timeout' must be between 1 second and 10 minutes");
        }
        this.challengeTimeout = challengeTimeout;
    }

    public List<String> getAllowedAaguids() {
        return allowedAaguids;
    }

    public void setAllowedAaguids(List<String> allowedAaguids) {
        List<String> aaguids = new ArrayList<>();
        for (String aaguid : allowedAaguids == null ? List.<String>of() : allowedAaguids) {
            try {
                aaguids.add(UUID.fromString(aaguid.strip()).toString());
            } catch (IllegalArgumentException notUuid) {
                throw new IllegalArgumentException("'portcullis.webauthn.allowed-aaguids' must hold AAGUIDs such as"
                        + " cb69481e-8ff7-4039-93ec-0a2729a154a8; got '" + aaguid + "'");
            }
        }
        this.allowedAaguids = aaguids;
    }

    public int getMaxKeysPerUser() {
        return maxKeysPerUser;
    }

    public void setMaxKeysPerUser(int maxKeysPerUser) {
        if (maxKeysPerUser < 1 || maxKeysPerUser > 50) {
            throw new IllegalArgumentException("'portcullis.webauthn.max-keys-per-user' must be between 1 and 50");
        }
        this.maxKeysPerUser = maxKeysPerUser;
    }
}
