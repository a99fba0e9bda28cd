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
 * The security audit switched off ({@code portcullis.security-audit.enabled=false}): its page is no route at all, so
 * a superuser opening {@code security-audit} by URL reaches at most the generic section view, which knows no such
 * section; every other framework page is still there.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portcullis.security-audit.enabled=false")
@ActiveProfiles("test")
class SecurityAuditSwitchedOffRoutesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    AdminRegistry admin;

    @Test
    void itsPageIsNotARouteAndEveryOtherPageIs() {
        assertThat(FrameworkRoutesTest.frameworkRoutes()).anyMatch(name -> name.contains(".selfaudit."));
        assertThat(FrameworkRoutesTest.registered(context)).noneMatch(name -> name.contains(".selfaudit."))
                .containsAll(FrameworkRoutesTest.frameworkRoutes().stream()
                        .filter(name -> !name.contains(".selfaudit.")).toList());
    }

    @Test
    void itsUrlReachesNoAuditPageAndNamesNoAdminSection() {
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(context.getServletContext()));
        routes.getNavigationTarget("security-audit").ifPresent(target -> assertThat(target.getName())
                .doesNotContain(".selfaudit.").endsWith("View"));
        assertThat(admin.bySlug("security-audit")).isEmpty();
        assertThat(context.containsBean("portcullisSecurityAuditMenu")).isFalse();
        assertThat(context.containsBean("portcullisSecurityAuditWidget")).isFalse();
    }
}
