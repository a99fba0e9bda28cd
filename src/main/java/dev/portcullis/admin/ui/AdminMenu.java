package dev.portcullis.admin.ui;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import dev.portcullis.admin.AdminMenuContributor;
import dev.portcullis.admin.AdminMenuItem;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.AdminPermissions;

/**
 * Collects the menu entries every feature contributes and picks those a user may see.
 */
public class AdminMenu {

    private static final String SUPERUSER = "ROLE_SUPERUSER";

    private final List<AdminMenuItem> items;

    public AdminMenu(List<AdminMenuContributor> contributors) {
        this.items = contributors.stream()
                .flatMap(contributor -> contributor.menuItems().stream())
                .sorted(Comparator.comparingInt(AdminMenuItem::order).thenComparing(AdminMenuItem::label))
                .toList();
    }

    /** The entries of one placement the given user may see, in menu order. */
    public List<AdminMenuItem> visibleTo(Authentication user, AdminMenuItem.Placement placement) {
        return items.stream()
                .filter(item -> item.placement() == placement)
                .filter(item -> item.requiredAuthority() == null || holds(user, item.requiredAuthority()))
                .toList();
    }

    private static boolean holds(Authentication user, String authority) {
        if (user == null) {
            return false;
        }
        int colon = authority.lastIndexOf(':');
        if (colon > 0) {
            // An entity permission such as "book:view": the same rule the data layer enforces.
            try {
                AdminOperation operation = AdminOperation.valueOf(
                        authority.substring(colon + 1).toUpperCase(java.util.Locale.ROOT));
                return new AdminPermissions(authority.substring(0, colon)).has(user, operation);
            } catch (IllegalArgumentException notAnOperation) {
                // a plain authority that happens to contain ':'
            }
        }
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(held -> held.equals(authority) || held.equals(SUPERUSER));
    }
}
