package dev.portcullis.admin.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.admin.AdminProperties;

/** The admin's own deploy check: where it is served. */
public final class AdminChecks {

    /** Paths that scanners try first. Our own default is among them on purpose: it is reported until changed. */
    static final Set<String> WELL_KNOWN = Set.of("/admin", "/administrator", "/console", "/manage", "/management",
            "/manager", "/backend", "/backoffice", "/dashboard", "/cms", "/wp-admin", "/panel", "/controlpanel",
            "/cpanel", "/staff", "/admin-console", "/adm", "/portal");

    private AdminChecks() {
    }

    public static List<CheckMessage> wellKnownPath(AdminProperties properties) {
        String path = properties.getPath().toLowerCase(Locale.ROOT);
        if (!WELL_KNOWN.contains(path)) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W046", "portcullis.admin.path",
                "The admin is served at " + properties.getPath() + ", a path that scanners try first"
                        + (path.equals(AdminProperties.DEFAULT_PATH) ? " (Portcullis's own default)" : "") + ".",
                "Set portcullis.admin.path (PORTCULLIS_ADMIN_PATH) to a path of your own, such as /staff-7f3k;"
                        + " it is no substitute for sign-in, but it keeps drive-by scans away."));
    }
}
