package dev.portcullis.honeypot.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.core.env.Environment;

import dev.portcullis.checks.Check;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.perimeter.IpRange;
import dev.portcullis.honeypot.HoneypotProperties;

/** The honeypot's deploy checks ({@code honeypot.W001}–): is it on, and does anybody hear about attempts. */
public final class HoneypotChecks implements Check {

    private static final String SOURCE = "portcullis.honeypot";

    private final HoneypotProperties properties;
    private final Environment environment;

    public HoneypotChecks(HoneypotProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public Set<String> tags() {
        return Set.of("security", "honeypot");
    }

    @Override
    public List<CheckMessage> run() {
        List<CheckMessage> found = new ArrayList<>();
        if (!properties.isEnabled()) {
            found.add(CheckMessage.warning("honeypot.W001", SOURCE, "The honeypot is off (portcullis.honeypot.enabled="
                    + "false): attempts at /admin/ go unnoticed.", "Set portcullis.honeypot.enabled=true."));
            return found;
        }
        if (properties.getAlertRecipients().isEmpty()) {
            found.add(CheckMessage.warning("honeypot.W002", SOURCE, "Nobody is alerted about honeypot attempts "
                    + "(portcullis.honeypot.alert-recipients is empty).", "List your administrators' addresses in "
                    + "portcullis.honeypot.alert-recipients."));
        } else if (environment.getProperty("spring.mail.host") == null) {
            found.add(CheckMessage.warning("honeypot.W003", SOURCE, "Honeypot alerts have recipients, but mail is "
                    + "not configured (spring.mail.host is unset): no alert is sent.", "Set spring.mail.host and its "
                    + "credentials."));
        }
        for (String network : properties.getExemptNetworks()) {
            if (IpRange.parse(network).prefixLength() == 0) {
                found.add(CheckMessage.warning("honeypot.W004", SOURCE, "portcullis.honeypot.exempt-networks holds "
                        + network + ": no address is ever blocked.", "List only your own networks."));
            }
        }
        return found;
    }
}
