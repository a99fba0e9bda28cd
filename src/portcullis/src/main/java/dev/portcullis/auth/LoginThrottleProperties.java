package dev.portcullis.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in throttling ({@code portcullis.login.*}): counted in the database, so every node enforces the same limits.
 */
@ConfigurationProperties("portcullis.login")
public class LoginThrottleProperties {

    /** Consecutive failures for one username before it is locked. */
    private int maxFailures = 5;

    /** How long the first lock lasts; each further lock of the same username doubles it, up to a day. */
    private Duration lockDuration = Duration.ofMinutes(15);

    /** Failed attempts per username per hour beyond which attempts are refused without checking the password. */
    private int maxAttemptsPerHour = 100;

    /** Failures from one client address (across usernames) within the window before that address is locked. */
    private int maxFailuresPerAddress = 50;

    /** The window in which failures from one address are counted. */
    private Duration addressWindow = Duration.ofMinutes(10);

    /**
     * What consecutive failures lock: the username from every address, or only the username from the address that
     * failed (the per-username hourly limit still applies across addresses).
     */
    private LockBy lockBy = LockBy.USERNAME;

    /** Whether throttling is on. Turning it off is reported by the deploy checks. */
    private boolean enabled = true;

    /** What a run of failures locks. */
    public enum LockBy {
        /** The username, wherever the attempts come from: the fewest guesses, but anyone can lock anyone out. */
        USERNAME,
        /** The username from that one address: others can still sign in, within the hourly limit per username. */
        USERNAME_AND_ADDRESS
    }

    public LockBy getLockBy() {
        return lockBy;
    }

    public void setLockBy(LockBy lockBy) {
        if (lockBy == null) {
            throw new IllegalArgumentException("'portcullis.login.lock-by' must be username or username-and-address");
        }
        this.lockBy = lockBy;
    }

    public int getMaxFailures() {
        return maxFailures;
    }

    public void setMaxFailures(int maxFailures) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("'portcullis.login.max-failures' must be at least 1");
        }
        this.maxFailures = maxFailures;
    }

    public Duration getLockDuration() {
        return lockDuration;
    }

    public void setLockDuration(Duration lockDuration) {
        this.lockDuration = lockDuration;
    }

    public int getMaxAttemptsPerHour() {
        return maxAttemptsPerHour;
    }

    public void setMaxAttemptsPerHour(int maxAttemptsPerHour) {
        this.maxAttemptsPerHour = maxAttemptsPerHour;
    }

    public int getMaxFailuresPerAddress() {
        return maxFailuresPerAddress;
    }

    public void setMaxFailuresPerAddress(int maxFailuresPerAddress) {
        this.maxFailuresPerAddress = maxFailuresPerAddress;
    }

    public Duration getAddressWindow() {
        return addressWindow;
    }

    public void setAddressWindow(Duration addressWindow) {
        this.addressWindow = addressWindow;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
