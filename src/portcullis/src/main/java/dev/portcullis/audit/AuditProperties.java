package dev.portcullis.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The history log ({@code portcullis.audit.*}). */
@ConfigurationProperties("portcullis.audit")
public class AuditProperties {

    /** Record what the admin does in the history log; off, nothing is recorded (reported as security.W081). */
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
