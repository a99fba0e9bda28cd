package dev.portcullis.selfaudit;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.AdminAutoConfiguration;
import dev.portcullis.admin.AdminDashboardWidget;
import dev.portcullis.admin.AdminMenuContributor;
import dev.portcullis.admin.AdminMenuItem;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.checks.CheckLevel;
import dev.portcullis.checks.ChecksAutoConfiguration;
import dev.portcullis.checks.internal.CheckRegistry;
import dev.portcullis.checks.internal.CheckReport;
import dev.portcullis.selfaudit.internal.SecurityAuditView;
import dev.portcullis.selfaudit.internal.SecurityAuditWidget;

/**
 * The security audit in the admin, for superusers: the page (a route because this package is scanned only while this
 * auto-configuration is active), its menu entry with the count of open findings, and the dashboard badge. Off with
 * {@code portcullis.security-audit.enabled=false}: no page, no entry, no badge; the checks still run at start-up and
 * in {@code check --deploy}. A host replaces the entry or the badge with a bean of the same name.
 */
@AutoConfiguration(after = {AdminAutoConfiguration.class, ChecksAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "portcullis.security-audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SecurityAuditProperties.class)
public final class SelfAuditAutoConfiguration {

    /** The menu entry, in the Audit section, with the number of open findings (criticals, errors and warnings). */
    @Bean
    @ConditionalOnMissingBean(name = "portcullisSecurityAuditMenu")
    AdminMenuContributor portcullisSecurityAuditMenu(CheckRegistry checks) {
        return () -> List.of(AdminMenuItem.navigation("selfaudit.menu", SecurityAuditView.PATH, "vaadin:shield", 990,
                AdminPermissions.SUPERUSER)
                .inSection(AdminMenuItem.SECTION_AUDIT)
                .withCount(() -> {
                    // The latest report is kept by the registry, so the count costs nothing per page.
                    CheckReport report = checks.latest();
                    long open = report.count(CheckLevel.CRITICAL) + report.count(CheckLevel.ERROR)
                            + report.count(CheckLevel.WARNING);
                    return open == 0 ? null : String.valueOf(open);
                }));
    }

    /** The dashboard badge; by name, because every dashboard widget shares the type. */
    @Bean
    @ConditionalOnMissingBean(name = "portcullisSecurityAuditWidget")
    AdminDashboardWidget portcullisSecurityAuditWidget(CheckRegistry registry) {
        return new SecurityAuditWidget(registry);
    }
}
