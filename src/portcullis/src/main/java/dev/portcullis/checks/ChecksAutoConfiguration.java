package dev.portcullis.checks;

import java.io.PrintStream;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.web.SecurityFilterChain;

import dev.portcullis.checks.checkup.internal.Checkup;
import dev.portcullis.checks.checkup.CheckupProperties;
import dev.portcullis.checks.internal.CheckCommand;
import dev.portcullis.checks.internal.CheckCommandEnvironment;
import dev.portcullis.checks.internal.CheckRegistry;
import dev.portcullis.checks.internal.CsrfCheck;
import dev.portcullis.checks.internal.DatabaseChecks;
import dev.portcullis.checks.internal.FeatureSwitchChecks;
import dev.portcullis.checks.internal.OnlineVersionCheck;
import dev.portcullis.checks.internal.SettingsChecks;
import dev.portcullis.checks.internal.StartupChecks;
import dev.portcullis.checks.internal.SupportTable;
import dev.portcullis.checks.internal.VersionChecks;

/**
 * The check registry and the deploy checks of Spring Boot, Vaadin, the database and the versions we run on; the
 * {@code check} command line; start-up logging of every finding. Features add their own checks as {@link Check}
 * beans.
 */
@AutoConfiguration
@EnableConfigurationProperties({ChecksProperties.class, CheckupProperties.class})
public final class ChecksAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CheckRegistry portcullisCheckRegistry(Map<String, Check> checks, ChecksProperties properties,
            @Qualifier("portcullisClock") ObjectProvider<Clock> clock) {
        return new CheckRegistry(checks, Set.copyOf(properties.getSilenced()), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty(name = CheckCommandEnvironment.ACTIVE, havingValue = "false", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "portcullis.checks.startup-enabled", matchIfMissing = true)
    StartupChecks portcullisStartupChecks(CheckRegistry registry) {
        return new StartupChecks(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    Checkup portcullisCheckup(CheckupProperties properties,
            @Qualifier("portcullisClock") ObjectProvider<Clock> clock,
            @Qualifier("portcullisSecureRandom") ObjectProvider<java.security.SecureRandom> random) {
        return new Checkup(properties.getTimeout(), clock.getIfAvailable(Clock::systemUTC),
                random.getIfAvailable(java.security.SecureRandom::new));
    }

    @Bean
    @ConditionalOnProperty(name = CheckCommandEnvironment.ACTIVE, havingValue = "true")
    CheckCommand portcullisCheckCommand(CheckRegistry registry, Checkup checkup, Environment environment,
            ConfigurableApplicationContext context) {
        PrintStream out = System.out;
        return new CheckCommand(registry, out, code -> System.exit(SpringApplication.exit(context, () -> code)),
                url -> checkup.run(url, environment.getProperty("portcullis.admin.path", "/console")));
    }

    /** security.W080-W083: a security feature switched off. */
    @Bean
    Check portcullisFeatureSwitchesCheck(Environment environment) {
        return Check.deploy("security", new FeatureSwitchChecks(environment)::run);
    }

    @Bean
    Check portcullisVaadinProductionModeCheck(Environment environment) {
        return Check.deploy("security", new SettingsChecks(environment)::vaadinProductionMode);
    }

    @Bean
    Check portcullisErrorDetailsCheck(Environment environment) {
        return Check.deploy("security", new SettingsChecks(environment)::errorDetails);
    }

    @Bean
    Check portcullisH2ConsoleCheck(Environment environment) {
        return Check.deploy("security", new SettingsChecks(environment)::h2Console);
    }

    @Bean
    Check portcullisDevtoolsCheck(Environment environment) {
        return Check.deploy("security", new SettingsChecks(environment)::devtools);
    }

    @Bean
    Check portcullisActuatorExposureCheck(Environment environment) {
        return Check.deploy("security", new SettingsChecks(environment)::actuatorExposure);
    }

    @Bean
    Check portcullisServletSessionTimeoutCheck(Environment environment) {
        return Check.deploy("security", new SettingsChecks(environment)::servletSessionTimeout);
    }

    @Bean
    Check portcullisTlsVersionsCheck(Environment environment) {
        return Check.deploy("security", new SettingsChecks(environment)::tlsVersions);
    }

    @Bean
    Check portcullisShowSqlCheck(Environment environment) {
        return Check.deploy("config", new SettingsChecks(environment)::showSql);
    }

    @Bean
    Check portcullisDebugLoggingCheck(Environment environment) {
        return Check.deploy("config", new SettingsChecks(environment)::debugLogging);
    }

    @Bean
    Check portcullisDevProfileCheck(Environment environment) {
        return Check.deploy("config", new SettingsChecks(environment)::devProfile);
    }

    @Bean
    Check portcullisMailCheck(Environment environment) {
        return Check.deploy("mail", new SettingsChecks(environment)::mailConfigured);
    }

    @Bean
    Check portcullisVersionsCheck(ObjectProvider<DataSource> dataSource,
            @Qualifier("portcullisClock") ObjectProvider<Clock> clock) {
        VersionChecks versions = new VersionChecks(SupportTable.bundled(), clock.getIfAvailable(Clock::systemUTC));
        return Check.external("versions", () -> versions.all(postgresVersion(dataSource.getIfAvailable())));
    }

    @Bean
    Check portcullisOnlineVersionsCheck(ChecksProperties properties) {
        OnlineVersionCheck online = new OnlineVersionCheck(properties.isOnlineVersions(),
                properties.getMavenRepository());
        return Check.external("versions", () -> online.run(VersionChecks.running()));
    }

    private static Optional<String> postgresVersion(DataSource dataSource) {
        if (dataSource == null) {
            return Optional.empty();
        }
        return unchecked(() -> {
            try (var connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                return meta.getDatabaseProductName().equals("PostgreSQL")
                        ? Optional.of(meta.getDatabaseProductVersion()) : Optional.<String>empty();
            }
        });
    }

    /** Runs database code for a check; a failure becomes the registry's CRITICAL finding that names the check. */
    static <T> T unchecked(Callable<T> body) {
        try {
            return body.call();
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks of the database behind the application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DataSource.class)
    static class DatabaseCheckConfiguration {

        @Bean
        Check portcullisEmbeddedDatabaseCheck(ObjectProvider<DataSource> dataSource,
                @Qualifier("portcullisClock") ObjectProvider<Clock> clock) {
            return Check.external("database", () -> dataSource.stream().findFirst()
                    .map(ds -> unchecked(new DatabaseChecks(ds, clock.getIfAvailable(Clock::systemUTC))::embeddedDatabase))
                    .orElse(List.of()));
        }

        @Bean
        Check portcullisDatabaseClockCheck(ObjectProvider<DataSource> dataSource,
                @Qualifier("portcullisClock") ObjectProvider<Clock> clock) {
            return Check.external("database", () -> dataSource.stream().findFirst()
                    .map(ds -> unchecked(new DatabaseChecks(ds, clock.getIfAvailable(Clock::systemUTC))::clockSkew))
                    .orElse(List.of()));
        }
    }

    /** Checks of Flyway's migrations; the command line reports pending ones instead of running them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    static class MigrationCheckConfiguration {

        @Bean
        Check portcullisMigrationsCheck(ObjectProvider<dev.portcullis.migration.internal.PortcullisMigrations> ours,
                ObjectProvider<Flyway> flyway) {
            return Check.external("database", () -> java.util.stream.Stream.concat(
                    ours.stream().map(dev.portcullis.migration.internal.PortcullisMigrations::flyway), flyway.stream())
                    .flatMap(f -> DatabaseChecks.migrations(f).stream()).toList());
        }

        @Bean
        @ConditionalOnProperty(name = CheckCommandEnvironment.ACTIVE, havingValue = "true")
        FlywayMigrationStrategy portcullisReportOnlyMigrations() {
            return flyway -> { };
        }
    }

    /** security.W056, W060: CSRF on every chain with a sign-in form, and on the form itself. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityFilterChain.class)
    static class CsrfCheckConfiguration {

        @Bean
        Check portcullisCsrfCheck(ObjectProvider<SecurityFilterChain> chains, Environment environment) {
            List<String> signIns = List.of(environment.getProperty("portcullis.admin.path", "/console") + "/login",
                    "/login");
            return Check.deploy("security", () -> CsrfCheck.run(chains.orderedStream().toList(), signIns));
        }
    }
}
