package dev.portcullis.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Several application nodes on one database ({@code portcullis.cluster.*}). Nothing here needs setting for a cluster
 * to work: every node already shares its security state through the database. {@code enabled} only tells the deploy
 * checks to expect several nodes before the second one has started.
 */
@ConfigurationProperties("portcullis.cluster")
public class ClusterProperties {

    /** Declares that several nodes share this database, so the cluster deploy checks apply from the first node on. */
    private boolean enabled;

    /** This node's name in the node table and the job claims; empty for the host name and process id. */
    private String nodeName = "";

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    /** The configured name, or host name and process id. */
    String resolvedNodeName() {
        if (nodeName != null && !nodeName.isBlank()) {
            return nodeName.strip();
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
