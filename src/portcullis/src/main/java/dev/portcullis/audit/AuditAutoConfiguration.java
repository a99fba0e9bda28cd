package dev.portcullis.audit;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.portcullis.admin.AdminAutoConfiguration;
import dev.portcullis.admin.AdminDashboardWidget;
import dev.portcullis.admin.AdminHistory;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.checks.Check;
import dev.portcullis.audit.internal.HistoryChainCheck;
import dev.portcullis.audit.internal.HistoryLog;
import dev.portcullis.audit.internal.RecentActionsWidget;

/**
 * The history log: records what the admin does (as its {@code AdminHistory}), shows it per row and on the dashboard,
 * and contributes the tamper check {@code audit.E001}. Backs off as a whole when the host has an {@link AdminHistory}
 * of its own; off with {@code portcullis.audit.enabled=false}.
 */
@AutoConfiguration(after = AdminAutoConfiguration.class)
@ConditionalOnMissingBean(AdminHistory.class)
@ConditionalOnBooleanProperty(name = "portcullis.audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public final class AuditAutoConfiguration {

    @Bean
    HistoryLog portcullisHistoryLog(JdbcTemplate jdbc, @Qualifier("portcullisClock") Clock clock) {
        return new HistoryLog(jdbc, clock);
    }

    @Bean
    Check portcullisHistoryChainCheck(HistoryLog history) {
        return new HistoryChainCheck(history);
    }

    @Bean
    AdminDashboardWidget portcullisRecentActions(HistoryLog history, AdminRegistry registry) {
        return new RecentActionsWidget(history, registry);
    }
}
