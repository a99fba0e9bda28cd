package dev.portcullis.checks.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import dev.portcullis.checks.CheckMessage;

/**
 * security.W080–W083: a security feature switched off with its {@code portcullis.<feature>.enabled} switch. Reported,
 * not forced: a host may have its reasons (a proxy that sets the headers, sign-in through its own single sign-on).
 * Read from the environment, because a feature that is off has no beans left to ask. The honeypot reports its own
 * switch (honeypot.W001), the sign-in throttle its own (security.W051).
 */
public final class FeatureSwitchChecks {

    private final Environment environment;

    public FeatureSwitchChecks(Environment environment) {
        this.environment = environment;
    }

    public List<CheckMessage> run() {
        List<CheckMessage> found = new ArrayList<>();
        if (off("portcullis.two-factor.enabled")) {
            found.add(CheckMessage.warning("security.W080", "portcullis.two-factor.enabled",
                    "Two-factor sign-in is switched off: every user signs in with a password alone.",
                    "Remove portcullis.two-factor.enabled=false."));
        }
        if (off("portcullis.audit.enabled")) {
            found.add(CheckMessage.warning("security.W081", "portcullis.audit.enabled",
                    "The history log is switched off: nothing records who added, changed or deleted what.",
                    "Remove portcullis.audit.enabled=false."));
        }
        if (off("portcullis.headers.enabled")) {
            found.add(CheckMessage.warning("security.W082", "portcullis.headers.enabled",
                    "The security headers are switched off: no Content-Security-Policy, no protection against "
                            + "framing, no HSTS, unless a proxy in front adds them.",
                    "Remove portcullis.headers.enabled=false, or check that the proxy sends these headers."));
        }
        if (off("portcullis.checks.startup-enabled")) {
            found.add(CheckMessage.warning("security.W083", "portcullis.checks.startup-enabled",
                    "The checks do not run at start-up: a misconfiguration that would stop the start goes unnoticed.",
                    "Remove portcullis.checks.startup-enabled=false."));
        }
        return found;
    }

    private boolean off(String property) {
        return !environment.getProperty(property, Boolean.class, true);
    }
}
