package dev.portcullis.selfaudit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The security audit page ({@code portcullis.security-audit.*}). */
@ConfigurationProperties("portcullis.security-audit")
public class SecurityAuditProperties {

    /** Show the Security audit page, its menu entry and dashboard badge to superusers; off, the checks still run. */
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
