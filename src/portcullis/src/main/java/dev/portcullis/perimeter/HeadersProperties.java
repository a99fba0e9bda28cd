package dev.portcullis.perimeter;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security headers sent with every response ({@code portcullis.headers.*}).
 */
@ConfigurationProperties("portcullis.headers")
public class HeadersProperties {

    /** Send the security headers at all; off only behind a proxy that sets them (reported as security.W082). */
    private boolean enabled = true;

    /**
     * Content-Security-Policy to send instead of the built-in one; {nonce} stands for each response's script nonce.
     * Unset (the default): the built-in policy, which Vaadin works under and which allows nothing from other origins.
     * Must keep frame-ancestors.
     */
    private String contentSecurityPolicy;

    /** Referrer-Policy: how much of our URLs other sites see. */
    private String referrerPolicy = "same-origin";

    /** Permissions-Policy: browser features no page of ours uses, switched off. */
    private String permissionsPolicy = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

    public String getContentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    public void setContentSecurityPolicy(String contentSecurityPolicy) {
        if (contentSecurityPolicy != null && !contentSecurityPolicy.contains("frame-ancestors")) {
            throw new IllegalArgumentException("'portcullis.headers.content-security-policy' must keep a "
                    + "frame-ancestors directive, e.g. frame-ancestors 'none', or other sites may frame the admin");
        }
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    public String getReferrerPolicy() {
        return referrerPolicy;
    }

    public void setReferrerPolicy(String referrerPolicy) {
        if (referrerPolicy == null || !referrerPolicy.matches("no-referrer|same-origin|strict-origin|"
                + "strict-origin-when-cross-origin|origin|origin-when-cross-origin|no-referrer-when-downgrade")) {
            throw new IllegalArgumentException("'portcullis.headers.referrer-policy' must be a Referrer-Policy "
                    + "value such as same-origin or no-referrer (was '" + referrerPolicy + "')");
        }
        this.referrerPolicy = referrerPolicy;
    }

    public String getPermissionsPolicy() {
        return permissionsPolicy;
    }

    public void setPermissionsPolicy(String permissionsPolicy) {
        if (permissionsPolicy == null || permissionsPolicy.isBlank()) {
            throw new IllegalArgumentException("'portcullis.headers.permissions-policy' must not be blank");
        }
        this.permissionsPolicy = permissionsPolicy;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
