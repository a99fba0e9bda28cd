package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;

import dev.portcullis.auth.AdminUserService;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;

@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class MainLayoutTest extends KaribuTest {

    @Test
    void signedInStaffSeeTheHeaderNavigationAndTheirMenu() {
        context.getBean(AdminUserService.class).createUser("layout-user", "correct horse battery staple", true,
                false, false);
        signInAs("layout-user");
        UI.getCurrent().navigate(DashboardView.class);

        MainLayout layout = _get(MainLayout.class);
        assertThat(_get(layout, Span.class, spec -> spec.withClasses("pc-brand")).getText())
                .isEqualTo("Portcullis Bookshop");
        assertThat(layout.navigation.getItems()).extracting(SideNavItem::getLabel).contains("Dashboard");

        MenuItem root = layout.userMenu.getItems().getFirst();
        assertThat(root.getElement().getAttribute("aria-label")).isEqualTo("User menu for layout-user");
        assertThat(root.getSubMenu().getItems()).extracting(MenuItem::getText)
                .containsExactly("Change password", "Two-factor sign-in", "My sessions", "Sign out");
        assertThat(_get(DashboardView.class).getChildren().findFirst().orElseThrow().getElement().getText())
                .isEqualTo("Welcome, layout-user");
    }
}
