package dev.portcullis.honeypot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.portcullis.perimeter.IpRange;

/**
 * The fake admin login at well-known paths ({@code portcullis.honeypot.*}): what it records, whom it alerts and
 * whom it blocks.
 */
@ConfigurationProperties("portcullis.honeypot")
public class HoneypotProperties {

    /** Serve the fake login at the honeypot paths. */
    private boolean enabled = true;

    /** Paths of the fake login, e.g. /admin/, /wp-login.php, /administrator/. Each must start with '/'. */
    private List<String> paths = new ArrayList<>(List.of("/admin/", "/admin/login/"));

    /** E-mail addresses alerted about attempts: the first from an address at once, then a digest. */
    private List<String> alertRecipients = new ArrayList<>();

    /** How long every sign-in at the fake login takes before it fails: the same for every attempt. */
    private Duration delay = Duration.ofSeconds(1);

    /** Attempts from one address within block-window that block it. */
    private int blockAfter = 3;

    /** Window over which attempts are counted toward a block. */
    private Duration blockWindow = Duration.ofHours(1);

    /** How long a block lasts. */
    private Duration blockDuration = Duration.ofHours(24);

    /** Block from the whole site, not just from the real admin. */
    private boolean blockWholeSite = false;

    /** Networks (CIDR ranges or addresses) that are never blocked, e.g. your office. Their attempts are recorded. */
    private List<String> exemptNetworks = new ArrayList<>();

    /** How long attempts are kept before the retention job deletes them. */
    private Duration retention = Duration.ofDays(90);

    /** Attempts recorded per address per hour; more are answered the same way but not stored. */
    private int maxRecordedPerAddress = 100;

    /** Attempts recorded per hour from all addresses together, so a flood cannot fill the database. */
    private int maxRecordedPerHour = 10_000;

    /** Shortest time between two alert e-mails: attempts after the first from an address wait for the digest. */
    private Duration digestInterval = Duration.ofHours(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getPaths() {
        return paths;
    }

    public void setPaths(List<String> paths) {
        for (String path : paths) {
            if (path == null || !path.startsWith("/") || path.length() < 2 || path.contains("?")
                    || path.contains("*")) {
                throw new IllegalArgumentException("'portcullis.honeypot.paths' holds '" + path
                        + "': give exact paths that start with '/', e.g. /admin/ or /wp-login.php");
            }
        }
        this.paths = List.copyOf(paths);
    }

    public List<String> getAlertRecipients() {
        return alertRecipients;
    }

    public void setAlertRecipients(List<String> alertRecipients) {
        for (String recipient : alertRecipients) {
            if (recipient == null || !recipient.matches("[^@\\s]+@[^@\\s]+")) {
                throw new IllegalArgumentException("'portcullis.honeypot.alert-recipients' holds '" + recipient
                        + "', which is not an e-mail address");
            }
        }
        this.alertRecipients = List.copyOf(alertRecipients);
    }

    public Duration getDelay() {
        return delay;
    }

    public void setDelay(Duration delay) {
        if (delay == null || delay.isNegative() || delay.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("'portcullis.honeypot.delay' must be between 0 and 10s (was " + delay + ")");
        }
        this.delay = delay;
    }

    public int getBlockAfter() {
        return blockAfter;
    }

    public void setBlockAfter(int blockAfter) {
        if (blockAfter < 1) {
            throw new IllegalArgumentException("'portcullis.honeypot.block-after' must be at least 1 (was " + blockAfter + ")");
        }
        this.blockAfter = blockAfter;
    }

    public Duration getBlockWindow() {
        return blockWindow;
    }

    public void setBlockWindow(Duration blockWindow) {
        this.blockWindow = positive("block-window", blockWindow);
    }

    public Duration getBlockDuration() {
        return blockDuration;
    }

    public void setBlockDuration(Duration blockDuration) {
        this.blockDuration = positive("block-duration", blockDuration);
    }

    public boolean isBlockWholeSite() {
        return blockWholeSite;
    }

    public void setBlockWholeSite(boolean blockWholeSite) {
        this.blockWholeSite = blockWholeSite;
    }

    public List<String> getExemptNetworks() {
        return exemptNetworks;
    }

    public void setExemptNetworks(List<String> exemptNetworks) {
        for (String network : exemptNetworks) {
            try {
                IpRange.parse(network);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'portcullis.honeypot.exempt-networks': " + e.getMessage(), e);
            }
        }
        this.exemptNetworks = List.copyOf(exemptNetworks);
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = positive("retention", retention);
    }

    public int getMaxRecordedPerAddress() {
        return maxRecordedPerAddress;
    }

    public void setMaxRecordedPerAddress(int maxRecordedPerAddress) {
        if (maxRecordedPerAddress < 1) {
            throw new IllegalArgumentException("'portcullis.honeypot.max-recorded-per-address' must be at least 1");
        }
        this.maxRecordedPerAddress = maxRecordedPerAddress;
    }

    public int getMaxRecordedPerHour() {
        return maxRecordedPerHour;
    }

    public void setMaxRecordedPerHour(int maxRecordedPerHour) {
        if (maxRecordedPerHour < 1) {
            throw new IllegalArgumentException("'portcullis.honeypot.max-recorded-per-hour' must be at least 1");
        }
        this.maxRecordedPerHour = maxRecordedPerHour;
    }

    public Duration getDigestInterval() {
        return digestInterval;
    }

    public void setDigestInterval(Duration digestInterval) {
        this.digestInterval = positive("digest-interval", digestInterval);
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("'portcullis.honeypot." + name + "' must be a positive duration (was "
                    + value + ")");
        }
        return value;
    }
}
