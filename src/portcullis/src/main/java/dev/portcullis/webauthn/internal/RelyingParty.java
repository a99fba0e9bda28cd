package dev.portcullis.webauthn.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import dev.portcullis.webauthn.WebAuthnProperties;

/**
 * Who the keys are registered with: the relying-party id (a host name) and the origins a ceremony may come from,
 * from configuration or, when that is empty, from the request.
 *
 * @param id the relying-party id, such as admin.example.com
 * @param origins the allowed origins, such as https://admin.example.com
 */
public record RelyingParty(String id, Set<String> origins) {

    public RelyingParty {
        origins = Set.copyOf(origins);
    }

    /** The configured relying party, completed from the request's scheme, host and port where configuration is empty. */
    public static RelyingParty of(WebAuthnProperties properties, String scheme, String host, int port) {
        String id = properties.getRpId() != null ? properties.getRpId() : host;
        Set<String> origins = new LinkedHashSet<>(properties.getAllowedOrigins());
        if (origins.isEmpty()) {
            boolean defaultPort = port <= 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
            origins.add(scheme + "://" + host + (defaultPort ? "" : ":" + port));
        }
        return new RelyingParty(id, origins);
    }
}
