package dev.portcullis.admin.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.portcullis.admin.AdminIdentity;
import dev.portcullis.admin.AdminMenuItem;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.environment.internal.EnvironmentInfo;

import jakarta.annotation.security.RolesAllowed;
import dev.portcullis.admin.ui.internal.AdminMenu;

/**
 * The frame around every admin view: a header with the site name and the user's menu, and a side navigation
 * built from the entries each feature contributes, filtered by what the user may see.
 */
@RolesAllowed("STAFF")
public class MainLayout extends AppLayout {

    public final SideNav navigation = new SideNav();
    final MenuBar userMenu = new MenuBar();

    final Span environmentBadge = new Span();

    public MainLayout(AdminProperties properties, AdminMenu menu, AuthenticationContext authenticationContext,
            EnvironmentInfo environment) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        addClassName("pc-main-layout");
        // The whole header wears the environment's colour, on every page inside the admin.
        getElement().getStyle().set("--pc-header-background", environment.color())
                .set("--pc-header-text", environment.textColor());

        Span brand = new Span(properties.getSiteName());
        brand.addClassName("pc-brand");
        environmentBadge.setText(environment.name());
        environmentBadge.addClassName("pc-environment-badge");
        environmentBadge.getElement().setAttribute("aria-label", "Environment: " + environment.name());
        Div spacer = new Div();
        spacer.addClassName("pc-header-spacer");
        addToNavbar(new DrawerToggle(), brand, environmentBadge, spacer,
                buildUserMenu(user, menu, authenticationContext));

        navigation.setLabel("Admin");
        for (AdminMenuItem item : menu.visibleTo(user, AdminMenuItem.Placement.NAVIGATION)) {
            SideNavItem entry = item.path().isEmpty()
                    ? new SideNavItem(item.label(), DashboardView.class)
                    : new SideNavItem(item.label(), item.path());
            if (item.icon() != null) {
                entry.setPrefixComponent(icon(item.icon()));
            }
            navigation.addItem(entry);
        }
        addToDrawer(new Scroller(navigation));
        setPrimarySection(Section.DRAWER);
    }

    private MenuBar buildUserMenu(Authentication user, AdminMenu menu, AuthenticationContext authenticationContext) {
        String name = displayName(user);
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        userMenu.addClassName("pc-user-menu");
        Avatar avatar = new Avatar(name);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        MenuItem root = userMenu.addItem(new Span(avatar, new Span(name)));
        root.setAriaLabel("User menu for " + name);
        SubMenu sub = root.getSubMenu();
        for (AdminMenuItem item : menu.visibleTo(user, AdminMenuItem.Placement.USER_MENU)) {
            sub.addItem(item.label(), click -> getUI().ifPresent(ui -> ui.navigate(item.path())));
        }
        sub.addItem("Sign out", click -> authenticationContext.logout());
        return userMenu;
    }

    static String displayName(Authentication user) {
        if (user == null) {
            return "";
        }
        return user.getPrincipal() instanceof AdminIdentity identity ? identity.getDisplayName() : user.getName();
    }

    private static Icon icon(String name) {
        String[] parts = name.split(":", 2);
        return parts.length == 2 ? new Icon(parts[0], parts[1]) : new Icon("vaadin", name);
    }
}
