package dev.portcullis.admin;

import java.util.List;

/**
 * A bean that adds entries to the admin's side navigation. Each feature contributes its own.
 */
@FunctionalInterface
public interface AdminMenuContributor {

    List<AdminMenuItem> menuItems();
}
