package dev.portcullis.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import dev.portcullis.checks.Check;
import dev.portcullis.checks.CheckLevel;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.ChecksAutoConfiguration;

/** The registry: scopes, tags, silencing, a throwing check, and the start-up rule. */
class CheckRegistryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

    private static final CheckMessage WARNING = CheckMessage.warning("test.W001", "here", "Something is off.", "Fix it.");
    private static final CheckMessage ERROR = CheckMessage.error("test.E001", null, "Something is broken.", null);

    private static Check plain(List<CheckMessage> messages) {
        return new Check() {
            @Override
            public List<CheckMessage> run() {
                return messages;
            }

            @Override
            public boolean deploy() {
                return false;
            }
        };
    }

    private static CheckRegistry registry(Map<String, Check> checks, Set<String> silenced) {
        return new CheckRegistry(checks, silenced, CLOCK);
    }

    @Test
    void startupRunsOnlyChecksThatAreNotDeployChecks() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("config", plain(List.of(WARNING)));
        checks.put("deploy", Check.deploy("security", () -> List.of(ERROR)));
        CheckRegistry registry = registry(checks, Set.of());

        assertThat(registry.run(CheckRegistry.Scope.STARTUP).findings()).containsExactly(WARNING);
        assertThat(registry.run(CheckRegistry.Scope.DEPLOY).findings()).containsExactly(ERROR, WARNING);
    }

    @Test
    void aStartLogsOnlyChecksThatReadNeitherTheDatabaseNorTheNetwork() {
        Map<String, Check> checks = new LinkedHashMap<>();
        java.util.concurrent.atomic.AtomicInteger databaseReads = new java.util.concurrent.atomic.AtomicInteger();
        checks.put("config", plain(List.of(WARNING)));
        checks.put("settings", Check.deploy("security", () -> List.of(ERROR)));
        checks.put("database", Check.external("database", () -> {
            databaseReads.incrementAndGet();
            return List.of(CheckMessage.warning("test.W002", null, "Read the database.", null));
        }));
        CheckRegistry registry = registry(checks, Set.of());

        new StartupChecks(registry).afterSingletonsInstantiated();
        assertThat(databaseReads).hasValue(0);
        assertThat(registry.run(CheckRegistry.Scope.OFFLINE).findings()).containsExactly(ERROR, WARNING);
        assertThat(registry.run(CheckRegistry.Scope.DEPLOY).findings()).hasSize(3);
        assertThat(databaseReads).hasValue(1);
        assertThat(checks.get("database").tags()).containsExactly("database");
    }

    @Test
    void tagsSelectChecks() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("a", Check.deploy("security", () -> List.of(WARNING)));
        checks.put("b", Check.deploy("database", () -> List.of(ERROR)));

        assertThat(registry(checks, Set.of()).run(CheckRegistry.Scope.DEPLOY, Set.of("database")).findings())
                .containsExactly(ERROR);
    }

    @Test
    void silencedIdsAreLeftOutAndCounted() {
        CheckReport report = registry(Map.of("a", Check.deploy("security", () -> List.of(WARNING, ERROR))),
                Set.of("test.W001")).run(CheckRegistry.Scope.DEPLOY);

        assertThat(report.findings()).containsExactly(ERROR);
        assertThat(report.silenced()).isEqualTo(1);
        assertThat(CheckReportText.summary(report)).isEqualTo("System check identified 1 issue (1 silenced).");
    }

    @Test
    void aCheckThatThrowsBecomesACriticalFindingNamingIt() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("brokenCheck", Check.deploy("security", () -> {
            throw new IllegalStateException("no such table");
        }));
        checks.put("fine", Check.deploy("security", () -> List.of(WARNING)));

        CheckReport report = registry(checks, Set.of()).run(CheckRegistry.Scope.DEPLOY);

        assertThat(report.findings()).hasSize(2);
        CheckMessage critical = report.findings().getFirst();
        assertThat(critical.level()).isEqualTo(CheckLevel.CRITICAL);
        assertThat(critical.id()).isEqualTo("checks.C001");
        assertThat(critical.source()).isEqualTo("brokenCheck");
        assertThat(critical.message()).contains("brokenCheck", "IllegalStateException", "no such table");
    }

    @Test
    void checksThatCannotReadAnUnmigratedDatabaseAreOnlyNotedWhileMigrationsArePending() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("usersCheck", Check.deploy("security", () -> {
            throw new IllegalStateException(new java.sql.SQLSyntaxErrorException("Table \"PORTCULLIS_USER\" not found"));
        }));
        CheckReport failing = registry(checks, Set.of()).run(CheckRegistry.Scope.DEPLOY);
        assertThat(failing.findings()).extracting(CheckMessage::id).containsExactly("checks.C001");

        checks.put("migrations", Check.deploy("database", () -> List.of(CheckMessage.warning("database.W002",
                "flyway", "1 database migration is pending: V1 users.", null))));
        CheckReport pending = registry(checks, Set.of()).run(CheckRegistry.Scope.DEPLOY);
        assertThat(pending.findings()).extracting(CheckMessage::id).containsExactly("database.W002", "checks.I001");
        assertThat(pending.reaches(CheckLevel.ERROR)).isFalse();
    }

    @Test
    void textReportIsDjangoStyle() {
        CheckReport report = new CheckReport(CLOCK.instant(), List.of(WARNING, ERROR), 0);

        assertThat(CheckReportText.format(report)).isEqualTo("""
                System check identified some issues:

                ERRORS:
                ?: (test.E001) Something is broken.

                WARNINGS:
                here: (test.W001) Something is off.
                \tHINT: Fix it.

                System check identified 2 issues (0 silenced).
                """);
        assertThat(CheckReportText.format(new CheckReport(CLOCK.instant(), List.of(), 2)))
                .isEqualTo("System check identified no issues (2 silenced).\n");
    }

    @Test
    void jsonReportEscapesText() {
        CheckMessage tricky = CheckMessage.warning("test.W002", null, "A \"quoted\"\nline\\", null);
        String json = CheckReportJson.format(new CheckReport(CLOCK.instant(), List.of(tricky), 0));

        assertThat(json).contains("\"ranAt\": \"2026-11-29T10:00:00Z\"")
                .contains("\"WARNING\": 1")
                .contains("{\"id\": \"test.W002\", \"level\": \"WARNING\", \"source\": null,"
                        + " \"message\": \"A \\\"quoted\\\"\\nline\\\\\", \"hint\": null}");
    }

    @Configuration(proxyBeanMethods = false)
    static class BrokenStartupConfiguration {
        @Bean
        Check misconfigured() {
            return plain(List.of(ERROR));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DeployErrorConfiguration {
        @Bean
        Check deployOnly() {
            return Check.deploy("security", () -> List.of(ERROR));
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChecksAutoConfiguration.class));

    @Test
    void anErrorFromAStartupCheckStopsTheStart() {
        runner.withUserConfiguration(BrokenStartupConfiguration.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(ChecksFailedException.class)
                    .hasMessageContaining("test.E001");
        });
    }

    @Test
    void anErrorFromADeployCheckIsOnlyReported() {
        runner.withUserConfiguration(DeployErrorConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CheckRegistry.class).run(CheckRegistry.Scope.DEPLOY).findings())
                    .contains(ERROR);
        });
    }

    @Test
    void silencedIdsAreValidated() {
        runner.withPropertyValues("portcullis.checks.silenced=security.W046,test.E001")
                .withUserConfiguration(BrokenStartupConfiguration.class)
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("portcullis.checks.silenced=W046").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theCommandLineModeHasNoStartupRunButACommand() {
        runner.withPropertyValues("portcullis.checks.command=true").run(context -> {
            assertThat(context).doesNotHaveBean(StartupChecks.class);
            assertThat(context).hasSingleBean(CheckCommand.class);
        });
        runner.run(context -> {
            assertThat(context).hasSingleBean(StartupChecks.class);
            assertThat(context).doesNotHaveBean(CheckCommand.class);
        });
    }
}
