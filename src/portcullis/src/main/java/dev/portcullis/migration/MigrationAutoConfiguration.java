package dev.portcullis.migration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import dev.portcullis.migration.internal.LegacyHistoryTransition;
import dev.portcullis.migration.internal.PortcullisMigrations;

/**
 * Migrates Portcullis's tables with a Flyway of its own ({@link PortcullisMigrations}), before JPA starts and before
 * the host application's Flyway runs (the host's migrations may reference our tables). The host's Flyway
 * auto-configuration stays untouched: it keeps {@code classpath:db/migration} and {@code flyway_schema_history}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnClass(Flyway.class)
@ConditionalOnSingleCandidate(DataSource.class)
public final class MigrationAutoConfiguration {

    static final String BEAN_NAME = "portcullisMigrations";

    /** Set by the {@code check} command line: report pending migrations, run none. */
    private static final String CHECK_COMMAND = "portcullis.checks.command";

    @Bean(BEAN_NAME)
    PortcullisMigrations portcullisMigrations(DataSource dataSource, Environment environment) {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(PortcullisMigrations.LOCATION)
                .table(PortcullisMigrations.HISTORY_TABLE)
                // A database with the host's tables but none of ours yet: record "nothing of ours", then run V1...
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        String hostHistory = environment.getProperty("spring.flyway.table", "flyway_schema_history");
        boolean migrate = !environment.getProperty(CHECK_COMMAND, Boolean.class, false);
        return new PortcullisMigrations(flyway, new LegacyHistoryTransition(dataSource, hostHistory), migrate);
    }

    /** The host's Flyway runs after ours. */
    @Bean
    static HostFlywayDependsOnPortcullisMigrations portcullisHostFlywayDependsOnMigrations() {
        return new HostFlywayDependsOnPortcullisMigrations();
    }

    /**
     * The host's Flyway finds our tables in a schema without its own history yet and would refuse to start
     * ("non-empty schema"): unless the host chose its own baseline settings, it records an empty baseline (version
     * 0) and then runs all of its migrations from V1.
     */
    @Bean
    FlywayConfigurationCustomizer portcullisHostFlywayBaseline(Environment environment) {
        Binder binder = Binder.get(environment);
        boolean hostChose = binder.bind("spring.flyway.baseline-on-migrate", Boolean.class).isBound()
                || binder.bind("spring.flyway.baseline-version", String.class).isBound();
        return configuration -> {
            if (!hostChose) {
                configuration.baselineOnMigrate(true).baselineVersion("0");
            }
        };
    }

    /** Hibernate validates our tables, so they exist before the EntityManagerFactory starts. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EntityManagerFactoryDependsOnPostProcessor.class)
    static class JpaConfiguration {

        @Bean
        static EntityManagerFactoryDependsOnPostProcessor portcullisEntityManagerFactoryDependsOnMigrations() {
            return new EntityManagerFactoryDependsOnPostProcessor(BEAN_NAME);
        }
    }

    static final class HostFlywayDependsOnPortcullisMigrations extends AbstractDependsOnBeanFactoryPostProcessor {

        HostFlywayDependsOnPortcullisMigrations() {
            super(Flyway.class, BEAN_NAME);
        }
    }
}
