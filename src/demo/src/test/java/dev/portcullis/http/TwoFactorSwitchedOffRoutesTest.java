package dev.portcullis.http;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.WebApplicationContext;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.demo.DemoApplication;

/**
 * Two-factor switched off ({@code portcullis.two-factor.enabled=false}): its pages are no routes at all, so a user
 * opening the setup wizard, the code step, the settings or an admin's reset by URL is shown "not found"
 * (their URLs reach at most the generic section views, which know no such section).
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portcullis.two-factor.enabled=false")
@ActiveProfiles("test")
class TwoFactorSwitchedOffRoutesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    AdminRegistry admin;

    @Test
    void itsPagesAreNotRoutes() {
        assertThat(FrameworkRoutesTest.registered(context)).noneMatch(name -> name.contains(".twofactor."))
                .containsAll(FrameworkRoutesTest.frameworkRoutes().stream()
                        .filter(name -> !name.contains(".twofactor.")).toList());
    }

    @Test
    void theirUrlsReachNoTwoFactorPageAndNameNoAdminSection() {
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(context.getServletContext()));
        assertThat(routes.getNavigationTarget("change-password")).hasValueSatisfying(
                target -> assertThat(target.getSimpleName()).isEqualTo("ChangePasswordView"));
        for (String path : new String[] {"two-factor", "two-factor/setup", "two-factor/manage", "user-two-factor/1"}) {
            // At most the generic ":slug" list or ":slug/:id" form matches, and neither slug is a section: both
            // answer with the admin's "not found" view.
            routes.getNavigationTarget(path).ifPresent(target -> assertThat(target.getName()).as(path)
                    .doesNotContain(".twofactor.").endsWith("View"));
            assertThat(admin.bySlug(path.substring(0, path.contains("/") ? path.indexOf('/') : path.length())))
                    .as(path).isEmpty();
        }
    }
}
