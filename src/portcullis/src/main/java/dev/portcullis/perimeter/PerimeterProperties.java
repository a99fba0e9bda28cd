package dev.portcullis.perimeter;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which proxies may tell us the client's address and scheme ({@code portcullis.trusted-proxies}).
 */
@ConfigurationProperties("portcullis")
public class PerimeterProperties {

    /**
     * Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For, X-Forwarded-Proto and Forwarded headers
     * are believed, e.g. 10.0.0.0/8. Empty (the default): those headers are ignored and the client is the socket's
     * peer.
     */
    private List<String> trustedProxies = new ArrayList<>();

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        validate("portcullis.trusted-proxies", trustedProxies);
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    List<IpRange> trustedProxyRanges() {
        return IpRange.parseAll(trustedProxies);
    }

    static void validate(String property, List<String> ranges) {
        for (String range : ranges) {
            try {
                IpRange.parse(range);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + property + "': " + e.getMessage(), e);
            }
        }
    }
}
