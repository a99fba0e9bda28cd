package dev.portcullis.admin;

/**
 * One entry of the admin's side navigation or of the signed-in user's menu in the header.
 *
 * @param placement where the entry appears
 * @param label text shown to the user
 * @param path route path relative to the admin root ("" for the dashboard, "book" for a list view)
 * @param icon a Vaadin icon name such as {@code vaadin:book}, or null
 * @param order entries are sorted by this, then by label
 * @param requiredAuthority authority the user needs to see the entry (e.g. {@code book:view}); null for any
 *     staff user. Hiding an entry is cosmetic: every view enforces its own access on the server.
 */
public record AdminMenuItem(Placement placement, String label, String path, String icon, int order,
        String requiredAuthority) {

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
