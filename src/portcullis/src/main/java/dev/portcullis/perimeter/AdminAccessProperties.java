package dev.portcullis.perimeter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may reach the admin at all ({@code portcullis.admin.allowed-hosts}, {@code portcullis.admin.allowed-networks}).
 * Everyone else gets the same plain 404 as any path that does not exist.
 */
@ConfigurationProperties("portcullis.admin")
public class AdminAccessProperties {

    /**
     * Host names the admin is served for, e.g. admin.example.com ("host the admin on its own domain"). Empty (the
     * default): any host.
     */
    private List<String> allowedHosts = new ArrayList<>();

    /**
     * Client networks (CIDR ranges or addresses) the admin is served to, e.g. 10.8.0.0/16 for a VPN. Empty (the
     * default): any network.
     */
    private List<String> allowedNetworks = new ArrayList<>();

    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        for (String host : allowedHosts) {
            if (host == null || !host.strip().matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]")) {
                throw new IllegalArgumentException("'portcullis.admin.allowed-hosts' holds '" + host
                        + "': give bare host names such as admin.example.com, without scheme, port or path");
            }
        }
        this.allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).toList();
    }

    public List<String> getAllowedNetworks() {
        return allowedNetworks;
    }

    public void setAllowedNetworks(List<String> allowedNetworks) {
        PerimeterProperties.validate("portcullis.admin.allowed-networks", allowedNetworks);
        this.allowedNetworks = List.copyOf(allowedNetworks);
    }
}
