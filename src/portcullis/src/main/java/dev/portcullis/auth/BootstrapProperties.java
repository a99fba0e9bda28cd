package dev.portcullis.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first staff user, created on a start with none ({@code portcullis.bootstrap.*}; also settable as the
 * environment variables {@code PORTCULLIS_BOOTSTRAP_USERNAME} and {@code PORTCULLIS_BOOTSTRAP_PASSWORD}).
 */
@ConfigurationProperties("portcullis.bootstrap")
public class BootstrapProperties {

    /** Username of the first staff user. */
    private String username = "admin";

    /**
     * Password of the first staff user, to be changed at first sign-in. When unset, a random password is generated
     * and printed once to the log instead. There is never a fixed default.
     */
    private String password;

    /**
     * Keep the password from {@code PORTCULLIS_BOOTSTRAP_PASSWORD} without asking for a new one at first sign-in
     * (logged as a warning; the deploy checks report the user while it still has that password).
     */
    private boolean keepEnvironmentPassword;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("'portcullis.bootstrap.username' must not be blank");
        }
        this.username = username.trim();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = (password == null || password.isEmpty()) ? null : password;
    }

    public boolean isKeepEnvironmentPassword() {
        return keepEnvironmentPassword;
    }

    public void setKeepEnvironmentPassword(boolean keepEnvironmentPassword) {
        this.keepEnvironmentPassword = keepEnvironmentPassword;
    }
}
