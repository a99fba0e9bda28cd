package dev.portcullis.environment;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.portcullis.PortcullisContextRunner;
import dev.portcullis.admin.AdminMenuItem;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.admin.ui.internal.AdminMenu;
import dev.portcullis.admin.ui.MainLayout;
import dev.portcullis.auth.internal.LoginView;
import dev.portcullis.environment.internal.EnvironmentBanner;
import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.environment.internal.PlainErrorPage;

/**
 * {@code portcullis.environment.banner.enabled=false}: no coloured strip on sign-in and error pages, no badge or tint
 * in the header; the environment still names itself in the browser title and still protects destructive actions.
 */
class EnvironmentBannerSwitchTest {

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

    private static EnvironmentInfo production(boolean banner) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        EnvironmentProperties properties = new EnvironmentProperties();
        properties.getBanner().setEnabled(banner);
        return EnvironmentInfo.resolve(properties, environment);
    }

    @Test
    void theBannerIsOnByDefaultAndOffOnlyWhenSwitchedOff() {
        PortcullisContextRunner.create().run(ctx -> assertThat(ctx.getBean(EnvironmentInfo.class).banner()).isTrue());
        PortcullisContextRunner.create().withPropertyValues("portcullis.environment.banner.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            EnvironmentInfo info = ctx.getBean(EnvironmentInfo.class);
            assertThat(info.banner()).isFalse();
            assertThat(info.showOnPublicPages()).isFalse();
            // Switching the banner off is about looks only: production still protects destructive actions.
            assertThat(info.protectedEnvironment()).isTrue();
        });
    }

    @Test
    void switchedOffTheSignInPageAndErrorPagesCarryNoBanner() {
        EnvironmentInfo environment = production(false);
        AdminProperties admin = new AdminProperties();
        LoginView login = new LoginView(admin, new AdminPageTitles(admin, environment), environment);
        UI.getCurrent().add(login);
        // Karibu finds visible components only: the banner is not shown.
        _assertNone(login, EnvironmentBanner.class);
        assertThat(login.getPageTitle()).startsWith("[PRODUCTION]");
        assertThat(PlainErrorPage.html(404, environment)).doesNotContain("role=\"banner\"").doesNotContain("PRODUCTION");
        assertThat(PlainErrorPage.html(404, production(true))).contains("role=\"banner\"").contains("PRODUCTION");
    }

    @Test
    void switchedOffTheHeaderHasNeitherBadgeNorTint() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ada",
                null, List.of(new SimpleGrantedAuthority("ROLE_STAFF"))));
        AdminMenu menu = new AdminMenu(List.of(() -> List.of(AdminMenuItem.navigation("Dashboard", "", null, 0, null))));
        MainLayout off = new MainLayout(new AdminProperties(), menu, new AuthenticationContext(), production(false));
        UI.getCurrent().add(off);
        assertThat(off.getElement().getStyle().get("--pc-header-background")).isNull();
        _assertNone(off, Span.class, spec -> spec.withClasses("pc-environment-badge"));
        MainLayout on = new MainLayout(new AdminProperties(), menu, new AuthenticationContext(), production(true));
        UI.getCurrent().add(on);
        assertThat(_get(on, Span.class, spec -> spec.withClasses("pc-environment-badge")).getText())
                .isEqualTo("PRODUCTION");
    }
}
