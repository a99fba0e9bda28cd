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
     * Password of the first staff user. When unset, a random password is generated, printed once to the log,
     * and must be changed at first sign-in. There is never a fixed default.
     */
    private String password;

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
}
