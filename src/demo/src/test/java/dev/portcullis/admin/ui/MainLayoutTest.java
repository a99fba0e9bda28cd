package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.selfaudit.internal.SecurityAuditView;
import dev.portcullis.admin.ui.internal.ThemeToggle;

@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class MainLayoutTest extends BookshopKaribuTest {

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, "layout-admin");
        if (users.findByUsername("layout-user").isEmpty()) {
            users.createUser("layout-user", "correct horse battery staple", true, false, false);
        }
    }

    @Test
    void signedInStaffSeeTheHeaderNavigationAndTheirMenu() {
        signInAs("layout-user");
        UI.getCurrent().navigate(DashboardView.class);

        MainLayout layout = _get(MainLayout.class);
        assertThat(_get(layout, Span.class, spec -> spec.withClasses("pc-brand")).getText())
                .isEqualTo("Portcullis Bookshop");
        assertThat(layout.entries()).containsExactly("Dashboard");

        MenuItem root = layout.userMenu.getItems().getFirst();
        assertThat(root.getElement().getAttribute("aria-label")).isEqualTo("User menu for layout-user");
        assertThat(root.getSubMenu().getItems()).extracting(MenuItem::getText)
                .containsExactly("Change password", "Two-factor sign-in", "My sessions", "Theme", "Language", "Sign out");
        assertThat(_get(DashboardView.class).getChildren().findFirst().orElseThrow().getElement().getText())
                .isEqualTo("Welcome, layout-user");
    }

    @Test
    void everyPageHasOneMainOneHeaderASkipLinkAndOneH1() {
        signInAs("layout-admin");
        UI.getCurrent().navigate(DashboardView.class);
        MainLayout layout = _get(MainLayout.class);

        // The banner landmark holds the skip link first, so it is the first thing Tab reaches.
        Header header = _get(Header.class);
        Component first = header.getChildren().findFirst().orElseThrow();
        assertThat(first).isSameAs(layout.skipLink);
        assertThat(layout.skipLink.getHref()).isEqualTo("#" + MainLayout.MAIN_ID);
        assertThat(layout.skipLink.getText()).isEqualTo("Skip to content");

        for (Runnable open : List.<Runnable>of(
                () -> UI.getCurrent().navigate(DashboardView.class),
                () -> UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "book")),
                () -> UI.getCurrent().navigate(EntityFormView.class,
                        new RouteParameters(Map.of("slug", "book", "id", "1"))),
                () -> UI.getCurrent().navigate(SecurityAuditView.class))) {
            open.run();
            List<Main> mains = _find(Main.class);
            assertThat(mains).hasSize(1);
            Main main = mains.getFirst();
            assertThat(main.getId()).contains(MainLayout.MAIN_ID);
            assertThat(main.getElement().getAttribute("tabindex")).isEqualTo("-1");
            assertThat(_find(H1.class)).hasSize(1);
            // The view is inside <main>, after the breadcrumb.
            assertThat(_find(main, H1.class)).hasSize(1);
            assertThat(main.getChildren().findFirst().orElseThrow()).isSameAs(layout.breadcrumb);
            assertThat(layout.breadcrumb.getElement().getAttribute("aria-label")).isEqualTo("Breadcrumb");
        }
    }

    @Test
    void theNavigationIsGroupedBySectionInMenuOrder() {
        signInAs("layout-admin");
        UI.getCurrent().navigate(DashboardView.class);
        MainLayout layout = _get(MainLayout.class);

        assertThat(layout.navigation.getItems()).extracting(SideNavItem::getLabel).containsExactly("Dashboard");
        assertThat(layout.sections.keySet())
                .containsExactly("Data", "Users and security", "Honeypot", "Audit");
        assertThat(labels(layout.sections.get("Data")))
                .containsExactly("Books", "Authors", "Customers", "Orders", "Order lines");
        assertThat(labels(layout.sections.get("Users and security")))
                .containsExactly("Users", "Roles", "Sign-in locks", "Sessions");
        assertThat(labels(layout.sections.get("Honeypot")))
                .containsExactly("Intrusion attempts", "Intrusions by address", "Honeypot blocks");
        assertThat(labels(layout.sections.get("Audit"))).containsExactly("Security audit");
        // Each section is a navigation landmark named by its visible label.
        assertThat(layout.sections.values()).extracting(SideNav::getLabel)
                .containsExactly("Data", "Users and security", "Honeypot", "Audit");

        // The dashboard groups its cards the same way, under one h2 per section (then the widgets' h2).
        assertThat(_find(_get(DashboardView.class), com.vaadin.flow.component.html.H2.class))
                .extracting(com.vaadin.flow.component.html.H2::getText)
                .containsExactly("Data", "Users and security", "Honeypot", "Audit", "Activity");
    }

    @Test
    void theBreadcrumbReadsHomeSectionEntityObject() {
        signInAs("layout-admin");
        UI.getCurrent().navigate(DashboardView.class);
        MainLayout layout = _get(MainLayout.class);
        assertThat(layout.breadcrumbTexts()).containsExactly("Home");

        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "book"));
        assertThat(layout.breadcrumbTexts()).containsExactly("Home", "Data", "Books");
        assertThat(_find(layout.breadcrumb, Anchor.class)).extracting(Anchor::getHref).containsExactly(".");

        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "book", "id", "1")));
        String title = _get(EntityFormView.class).title.getText();
        assertThat(layout.breadcrumbTexts()).containsExactly("Home", "Data", "Books", title);
        assertThat(_find(layout.breadcrumb, Anchor.class)).extracting(Anchor::getHref).containsExactly(".", "book");
        // The last crumb is the page itself: not a link, and marked as the current page.
        Span current = _find(layout.breadcrumb, Span.class).getLast();
        assertThat(current.getText()).isEqualTo(title);
        assertThat(current.getElement().getAttribute("aria-current")).isEqualTo("page");

        UI.getCurrent().navigate(SecurityAuditView.class);
        assertThat(layout.breadcrumbTexts()).containsExactly("Home", "Audit", "Security audit");
    }

    @Test
    void theThemeMenuSwitchesBetweenSystemLightAndDark() {
        signInAs("layout-user");
        UI.getCurrent().navigate(DashboardView.class);
        MainLayout layout = _get(MainLayout.class);
        ThemeToggle toggle = layout.themeToggle;
        assertThat(toggle.current()).isEqualTo(ThemeToggle.Choice.SYSTEM);
        assertThat(toggle.items.get(ThemeToggle.Choice.SYSTEM).isChecked()).isTrue();

        com.github.mvysny.kaributesting.v10.ContextMenuKt._click(layout.userMenu, toggle.items.get(ThemeToggle.Choice.DARK));
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);
        assertThat(toggle.items).allSatisfy((choice, item) ->
                assertThat(item.isChecked()).isEqualTo(choice == ThemeToggle.Choice.DARK));

        com.github.mvysny.kaributesting.v10.ContextMenuKt._click(layout.userMenu, toggle.items.get(ThemeToggle.Choice.SYSTEM));
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.SYSTEM);
    }

    private static List<String> labels(SideNav nav) {
        return nav.getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
