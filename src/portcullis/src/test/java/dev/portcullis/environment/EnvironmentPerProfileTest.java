package dev.portcullis.environment;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.portcullis.admin.AdminMenuItem;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.admin.ui.internal.AdminMenu;
import dev.portcullis.admin.ui.MainLayout;
import dev.portcullis.auth.internal.LoginView;
import dev.portcullis.environment.internal.EnvironmentBanner;
import dev.portcullis.environment.internal.EnvironmentInfo;

/**
 * The login page and the main layout in each environment's default colours, built as Vaadin components on a
 * mocked UI (Karibu) without a Spring context per environment.
 */
class EnvironmentPerProfileTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.portcullis");

    @BeforeEach
    void setUp() {
        MockVaadin.setup(ROUTES);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private static EnvironmentInfo forProfile(String profile) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return EnvironmentInfo.resolve(new EnvironmentProperties(), environment);
    }

    @ParameterizedTest
    @CsvSource({"dev, DEVELOPMENT, #2e7d32", "staging, STAGING, #b34700", "prod, PRODUCTION, #c62828"})
    void loginPageShowsTheEnvironment(String profile, String name, String color) {
        EnvironmentInfo environment = forProfile(profile);
        AdminProperties admin = new AdminProperties();
        LoginView login = new LoginView(admin, new AdminPageTitles(admin, environment), environment);
        UI.getCurrent().add(login);
        EnvironmentBanner banner = _get(login, EnvironmentBanner.class);
        assertThat(banner.getText()).isEqualTo(name);
        assertThat(banner.getStyle().get("background")).isEqualTo(color);
        assertThat(login.getPageTitle()).isEqualTo("[" + name + "] Sign in · Portcullis");
    }

    @ParameterizedTest
    @CsvSource({"dev, DEVELOPMENT, #2e7d32", "staging, STAGING, #b34700", "prod, PRODUCTION, #c62828"})
    void mainLayoutIsTintedAndLabelled(String profile, String name, String color) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ada",
                null, List.of(new SimpleGrantedAuthority("ROLE_STAFF"))));
        EnvironmentInfo environment = forProfile(profile);
        AdminMenu menu = new AdminMenu(List.of(() -> List.of(AdminMenuItem.navigation("Dashboard", "", null, 0, null))));
        MainLayout layout = new MainLayout(new AdminProperties(), menu, new AuthenticationContext(), environment);
        UI.getCurrent().add(layout);
        assertThat(layout.getElement().getStyle().get("--pc-header-background")).isEqualTo(color);
        assertThat(_get(layout, com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("pc-environment-badge")).getText()).isEqualTo(name);
    }
}
