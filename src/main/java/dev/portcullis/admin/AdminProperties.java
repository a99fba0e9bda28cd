package dev.portcullis.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and under which name the admin is served ({@code portcullis.admin.*}).
 */
@ConfigurationProperties("portcullis.admin")
public class AdminProperties {

    /** Default admin path: deliberately not the well-known {@code /admin}, which the honeypot will occupy. */
    public static final String DEFAULT_PATH = "/console";

    /**
     * Path the admin UI is served under, e.g. {@code /console}. Must start with '/', must not end with '/',
     * and must not be '/' itself: the admin never takes over the whole site.
     */
    private String path = DEFAULT_PATH;

    /** Name shown in the header, the browser title and the login page. */
    private String siteName = "Portcullis";

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = validatePath(path);
    }

    public String getSiteName() {
        return siteName;
    }

    public void setSiteName(String siteName) {
        if (siteName == null || siteName.isBlank()) {
            throw new IllegalArgumentException("'portcullis.admin.site-name' must not be blank");
        }
        this.siteName = siteName;
    }

    /**
     * Checks an admin path and returns it unchanged, or explains how to fix it.
     */
    public static String validatePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("'portcullis.admin.path' must start with '/', e.g. '/console' (was '" + path + "')");
        }
        if (path.length() == 1) {
            throw new IllegalArgumentException("'portcullis.admin.path' must not be '/': serve the admin under its own path, e.g. '/console'");
        }
        if (path.endsWith("/")) {
            throw new IllegalArgumentException("'portcullis.admin.path' must not end with '/' (was '" + path + "'); use e.g. '/console'");
        }
        if (!path.matches("(/[A-Za-z0-9._~-]+)+") || path.matches(".*/\\.{1,2}(/.*)?")) {
            throw new IllegalArgumentException("'portcullis.admin.path' may hold only letters, digits and . _ ~ - between slashes (was '" + path + "')");
        }
        return path;
    }
}
