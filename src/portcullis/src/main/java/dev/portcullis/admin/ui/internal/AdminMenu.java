package dev.portcullis.admin.ui.internal;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.Authentication;

import dev.portcullis.admin.AdminMenuContributor;
import dev.portcullis.admin.AdminMenuItem;
import dev.portcullis.admin.AdminPermissions;

/**
 * Collects the menu entries every feature contributes and picks those a user may see.
 */
public class AdminMenu {

    private final List<AdminMenuContributor> contributors;

    /**
     * The contributors are asked on every call, not once: an entity's entry reads its label in the reader's
     * language ("Books", "Bücher").
     */
    public AdminMenu(List<AdminMenuContributor> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    /** The entries of one placement the given user may see, in menu order. */
    public List<AdminMenuItem> visibleTo(Authentication user, AdminMenuItem.Placement placement) {
        return contributors.stream()
                .flatMap(contributor -> contributor.menuItems().stream())
                .sorted(Comparator.comparingInt(AdminMenuItem::order).thenComparing(AdminMenuItem::label))
                .filter(item -> item.placement() == placement)
                .filter(item -> item.requiredAuthority() == null || AdminPermissions.grants(user, item.requiredAuthority()))
                .toList();
    }
}
