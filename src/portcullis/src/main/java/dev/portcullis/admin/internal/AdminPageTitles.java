package dev.portcullis.admin.internal;

import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.admin.AdminProperties;

/**
 * Browser tab titles: {@code [PRODUCTION] Books · Portcullis}, so the environment shows even among many tabs.
 */
public class AdminPageTitles {

    private final AdminProperties admin;
    private final EnvironmentInfo environment;

    public AdminPageTitles(AdminProperties admin, EnvironmentInfo environment) {
        this.admin = admin;
        this.environment = environment;
    }

    /** The full title for a page, e.g. "Books". */
    public String of(String page) {
        return "[" + environment.name() + "] " + (page == null || page.isBlank() ? "" : page + " · ")
                + admin.getSiteName();
    }
}
