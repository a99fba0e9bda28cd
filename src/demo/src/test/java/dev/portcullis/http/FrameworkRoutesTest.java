package dev.portcullis.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.WebApplicationContext;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.AppShellRegistry;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

import dev.portcullis.demo.DemoApplication;

/**
 * The framework's pages reach Vaadin without its packages in the application's {@code AutoConfigurationPackages}:
 * every {@code @Route} of the framework is registered, its error views and page shell are found.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FrameworkRoutesTest {

    @Autowired
    WebApplicationContext context;

    @Test
    void everyRouteErrorViewAndTheShellAreFound() {
        assertThat(frameworkRoutes()).hasSizeGreaterThan(10).anyMatch(name -> name.contains(".twofactor."));
        assertThat(registered(context)).containsAll(frameworkRoutes());
        VaadinServletContext vaadin = new VaadinServletContext(context.getServletContext());
        assertThat(ApplicationRouteRegistry.getInstance(vaadin)
                .getErrorNavigationTarget(new dev.portcullis.admin.data.NotFoundException("gone")))
                .hasValueSatisfying(entry -> assertThat(entry.getNavigationTarget().getSimpleName())
                        .isEqualTo("NotFoundView"));
        assertThat(AppShellRegistry.getInstance(vaadin).getShell().getSimpleName()).isEqualTo("AdminAppShell");
        assertThat(AutoConfigurationPackages.get(context)).containsExactly("dev.portcullis.demo");
    }

    /** Every class of the framework with a {@code @Route}, as the library holds them. */
    static Set<String> frameworkRoutes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        return scanner.findCandidateComponents("dev.portcullis").stream().map(bean -> bean.getBeanClassName())
                .filter(name -> !name.startsWith("dev.portcullis.demo")).collect(Collectors.toSet());
    }

    static Set<String> registered(WebApplicationContext context) {
        return ApplicationRouteRegistry.getInstance(new VaadinServletContext(context.getServletContext()))
                .getRegisteredRoutes().stream().map(RouteData::getNavigationTarget).map(Class::getName)
                .collect(Collectors.toSet());
    }
}
