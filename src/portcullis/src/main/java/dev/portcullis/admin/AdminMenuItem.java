package dev.portcullis.admin;

import java.util.function.Supplier;

/**
 * One entry of the admin's side navigation or of the signed-in user's menu in the header.
 *
 * @param placement where the entry appears
 * @param label text shown to the user, or a message key of {@link dev.portcullis.i18n.Messages} (such as
 *     {@code "auth.menu.my-sessions"}), then shown in the reader's language
 * @param path route path relative to the admin root ("" for the dashboard, "book" for a list view)
 * @param icon a Vaadin icon name such as {@code vaadin:book}, or null
 * @param order entries are sorted by this, then by label
 * @param requiredAuthority authority the user needs to see the entry (e.g. {@code book:view}); null for any
 *     staff user. Hiding an entry is cosmetic: every view enforces its own access on the server.
 * @param section the navigation section the entry is grouped under ({@link #SECTION_USERS}, ..., or a message key);
 *     null for the
 *     application's own section (its entities) or, for the dashboard, above every section
 * @param count a short count shown beside the entry, such as the findings of the security audit; null for none.
 *     It is asked for every time a page is opened, so it must be cheap (a cached value, never a table scan);
 *     it may return null to show nothing.
 */
public record AdminMenuItem(Placement placement, String label, String path, String icon, int order,
        String requiredAuthority, String section, Supplier<String> count) {

    /** The section of the application's own entities, when none is given. */
    public static final String SECTION_APPLICATION = "Data";

    /** The section of users, roles, sessions and sign-in locks. */
    public static final String SECTION_USERS = "Users and security";

    /** The section of the honeypot's records. */
    public static final String SECTION_HONEYPOT = "Honeypot";

    /** The section of the security audit and the history. */
    public static final String SECTION_AUDIT = "Audit";

    /** Where a menu entry appears. */
    public enum Placement {
        /** The side navigation. */
        NAVIGATION,
        /** The menu under the user's name in the header. */
        USER_MENU
    }

    public AdminMenuItem {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("A menu item needs a label");
        }
        if (path == null || path.startsWith("/")) {
            throw new IllegalArgumentException("Menu item '" + label + "': path must be relative to the admin root, "
                    + "without a leading '/' (was '" + path + "')");
        }
        if (section != null && section.isBlank()) {
            section = null;
        }
    }

    /** An entry in the application's own section, without a count. */
    public AdminMenuItem(Placement placement, String label, String path, String icon, int order,
            String requiredAuthority) {
        this(placement, label, path, icon, order, requiredAuthority, null, null);
    }

    /** This entry, grouped under the given navigation section (null for the application's own). */
    public AdminMenuItem inSection(String newSection) {
        return new AdminMenuItem(placement, label, path, icon, order, requiredAuthority, newSection, count);
    }

    /** This entry with a cheap count beside it. */
    public AdminMenuItem withCount(Supplier<String> newCount) {
        return new AdminMenuItem(placement, label, path, icon, order, requiredAuthority, section, newCount);
    }

    /**
     * The section's name as shown, in the user's language for the framework's own sections:
     * {@link #SECTION_APPLICATION} when the entry has none.
     */
    public String sectionLabel() {
        String name = section == null ? SECTION_APPLICATION : section;
        return switch (name) {
            case SECTION_APPLICATION -> dev.portcullis.i18n.Messages.get("admin.section.data");
            case SECTION_USERS -> dev.portcullis.i18n.Messages.get("admin.section.users");
            case SECTION_HONEYPOT -> dev.portcullis.i18n.Messages.get("admin.section.honeypot");
            case SECTION_AUDIT -> dev.portcullis.i18n.Messages.get("admin.section.audit");
            default -> name;
        };
    }

    /** An entry of the side navigation. */
    public static AdminMenuItem navigation(String label, String path, String icon, int order, String requiredAuthority) {
        return new AdminMenuItem(Placement.NAVIGATION, label, path, icon, order, requiredAuthority);
    }

    /** An entry of the user menu in the header. */
    public static AdminMenuItem userMenu(String label, String path, int order) {
        return new AdminMenuItem(Placement.USER_MENU, label, path, null, order, null);
    }
}
