package dev.portcullis.cluster;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.portcullis.checks.Check;
import dev.portcullis.cluster.internal.ClusterChecks;
import dev.portcullis.cluster.internal.ClusterJobs;
import dev.portcullis.cluster.internal.ClusterNodes;

/**
 * Several nodes on one database: job claims so periodic work runs once per cluster, each node's heartbeat, and the
 * deploy checks {@code cluster.W001} (H2) and {@code cluster.W002} (no shared secret key).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "dev.portcullis.admin.AdminAutoConfiguration"})
@EnableConfigurationProperties(ClusterProperties.class)
@ConditionalOnBean(DataSource.class)
public final class ClusterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClusterJobs portcullisClusterJobs(DataSource dataSource, @Qualifier("portcullisClock") Clock clock,
            ClusterProperties properties) {
        return new ClusterJobs(dataSource, clock, properties.resolvedNodeName());
    }

    /** Not while {@code check} runs from the command line: it may run before the migrations. */
    @Bean
    @ConditionalOnProperty(name = "portcullis.checks.command", havingValue = "false", matchIfMissing = true)
    ClusterNodes portcullisClusterNodes(DataSource dataSource, @Qualifier("portcullisClock") Clock clock,
            ClusterProperties properties) {
        return new ClusterNodes(dataSource, clock, properties.resolvedNodeName());
    }

    @Bean
    Check portcullisClusterCheck(DataSource dataSource, ClusterProperties properties, Environment environment,
            @Qualifier("portcullisClock") Clock clock) {
        return Check.external("cluster", new ClusterChecks(dataSource, properties, environment, clock)::run);
    }
}
