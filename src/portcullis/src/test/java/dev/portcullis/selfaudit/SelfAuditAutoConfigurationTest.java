package dev.portcullis.selfaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.portcullis.PortcullisContextRunner;
import dev.portcullis.admin.AdminDashboardWidget;
import dev.portcullis.admin.AdminMenuContributor;
import dev.portcullis.checks.internal.CheckRegistry;
import dev.portcullis.selfaudit.internal.SecurityAuditWidget;

/**
 * {@code portcullis.security-audit.enabled}: on by default, with the page's package among Vaadin's route packages;
 * off, no page, no menu entry, no badge, while the checks themselves stay; a host's own entry or badge replaces ours.
 */
class SelfAuditAutoConfigurationTest {

    /** The holder of the packages Vaadin scans for routes, filled by the admin's {@code AdminRoutePackages}. */
    private static final String VAADIN_SCAN_PACKAGES =
            "com.vaadin.flow.spring.VaadinScanPackagesRegistrar$VaadinScanPackages";

    private final ApplicationContextRunner host = PortcullisContextRunner.create();

    @Test
    void theAuditIsOnByDefaultWithItsPageAmongTheRoutes() {
        host.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).hasSingleBean(SelfAuditAutoConfiguration.class).hasBean("portcullisSecurityAuditMenu")
                    .hasBean("portcullisSecurityAuditWidget");
            assertThat(ctx.getBean(SecurityAuditProperties.class).isEnabled()).isTrue();
            assertThat(routePackages(ctx)).contains("dev.portcullis.selfaudit", "dev.portcullis.admin");
        });
    }

    @Test
    void switchedOffLeavesNoPageNoMenuEntryAndNoBadgeButTheChecksStay() {
        host.withPropertyValues("portcullis.security-audit.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(SelfAuditAutoConfiguration.class)
                    .doesNotHaveBean("portcullisSecurityAuditMenu").doesNotHaveBean("portcullisSecurityAuditWidget")
                    .hasSingleBean(CheckRegistry.class).hasBean("portcullisCheckup");
            assertThat(routePackages(ctx)).doesNotContain("dev.portcullis.selfaudit")
                    .noneMatch(pkg -> pkg.startsWith("dev.portcullis.selfaudit")).contains("dev.portcullis.admin");
            assertThat(ctx.getBeansOfType(AdminMenuContributor.class)).isNotEmpty()
                    .doesNotContainKey("portcullisSecurityAuditMenu");
        });
    }

    @Test
    void aHostsOwnBadgeAndEntryReplaceOursWhileOtherWidgetsDoNot() {
        host.withUserConfiguration(HostAuditBeans.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean("portcullisSecurityAuditWidget")).isSameAs(HostAuditBeans.BADGE);
            assertThat(ctx.getBean("portcullisSecurityAuditMenu")).isSameAs(HostAuditBeans.MENU);
            // Backing off goes by name: a host's unrelated widget leaves ours alone.
            assertThat(ctx.getBeansOfType(AdminDashboardWidget.class)).containsKeys("hostOrdersWidget",
                    "portcullisSecurityAuditWidget");
        });
        host.withUserConfiguration(HostOtherWidget.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean("portcullisSecurityAuditWidget")).isInstanceOf(SecurityAuditWidget.class);
            assertThat(ctx.getBean("hostOrdersWidget")).isSameAs(HostOtherWidget.OTHER);
        });
    }

    private static List<String> routePackages(ConfigurableApplicationContext ctx) {
        var argument = ctx.getBeanFactory().getBeanDefinition(VAADIN_SCAN_PACKAGES).getConstructorArgumentValues()
                .getIndexedArgumentValue(0, String[].class);
        assertThat(argument).isNotNull();
        return List.of((String[]) argument.getValue());
    }

    @Configuration(proxyBeanMethods = false)
    static class HostAuditBeans {

        static final AdminDashboardWidget BADGE = user -> Optional.empty();
        static final AdminMenuContributor MENU = List::of;

        @Bean
        AdminDashboardWidget portcullisSecurityAuditWidget() {
            return BADGE;
        }

        @Bean
        AdminMenuContributor portcullisSecurityAuditMenu() {
            return MENU;
        }

        @Bean
        AdminDashboardWidget hostOrdersWidget() {
            return HostOtherWidget.OTHER;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostOtherWidget {

        static final AdminDashboardWidget OTHER = user -> Optional.empty();

        @Bean
        AdminDashboardWidget hostOrdersWidget() {
            return OTHER;
        }
    }
}
