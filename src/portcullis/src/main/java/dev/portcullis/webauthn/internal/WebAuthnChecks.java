package dev.portcullis.webauthn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.webauthn.WebAuthnProperties;

/**
 * Deploy checks of security keys: the relying-party id and origins must fit the admin's host names (a key registered
 * under one id never works under another, and a browser refuses an id that is not the page's host or a parent of it).
 */
public final class WebAuthnChecks {

    private WebAuthnChecks() {
    }

    /** webauthn.E001: each allowed host under the relying-party id, each allowed origin on an allowed host. */
    public static List<CheckMessage> relyingParty(WebAuthnProperties properties, List<String> allowedHosts) {
        Set<String> hosts = new TreeSet<>();
        for (String host : allowedHosts) {
            String name = host.strip().toLowerCase(Locale.ROOT);
            // Keys cannot be used on an IP address at all, so such entries say nothing about the relying party.
            if (!name.startsWith("[") && !name.matches("[0-9.]+")) {
                hosts.add(name);
            }
        }
        List<CheckMessage> messages = new ArrayList<>();
        String rpId = properties.getRpId();
        if (rpId != null && !hosts.isEmpty()) {
            List<String> outside = hosts.stream().filter(h -> !h.equals(rpId) && !h.endsWith("." + rpId)).toList();
            if (!outside.isEmpty()) {
                messages.add(CheckMessage.error("webauthn.E001", "portcullis.webauthn.rp-id", "Security keys are bound"
                        + " to '" + rpId + "', but the admin is also served as " + String.join(", ", outside)
                        + ": browsers refuse keys there.", "Set portcullis.webauthn.rp-id to the admin's host name or"
                        + " a parent domain of every portcullis.admin.allowed-hosts entry."));
            }
        }
        if (!hosts.isEmpty()) {
            List<String> foreign = properties.getAllowedOrigins().stream()
                    .filter(origin -> !hosts.contains(origin.replaceFirst("^https?://", "").replaceFirst(":\\d+$", "")))
                    .toList();
            if (!foreign.isEmpty()) {
                messages.add(CheckMessage.error("webauthn.E001", "portcullis.webauthn.allowed-origins", "Security key"
                        + " ceremonies are accepted from " + String.join(", ", foreign) + ", which is not one of the"
                        + " admin's host names.", "List only origins on portcullis.admin.allowed-hosts in"
                        + " portcullis.webauthn.allowed-origins."));
            }
        }
        return messages;
    }

    /** webauthn.W001: staff whose only second factor is text messages. */
    public static List<CheckMessage> textMessagesOnly(long count) {
        return count == 0 ? List.of() : List.of(CheckMessage.warning("webauthn.W001", "users", count
                + (count == 1 ? " active staff user's" : " active staff users'") + " only second factor is text"
                + " messages, which can be intercepted or taken over with the phone number.", "Ask them to register a"
                + " security key or passkey, or set up an authenticator app, under Two-factor sign-in."));
    }
}
