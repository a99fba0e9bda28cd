package dev.portcullis.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.portcullis.testsupport.TestPostgres;
import dev.portcullis.checks.CheckLevel;
import dev.portcullis.checks.CheckMessage;

/** The database checks on H2 and on a real PostgreSQL server. */
class DatabaseChecksTest {

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:checks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/portcullis/migration").load();
    }

    @Test
    void h2IsReportedAndPostgresIsNot() throws Exception {
        assertThat(new DatabaseChecks(h2(), Clock.systemUTC()).embeddedDatabase())
                .extracting(CheckMessage::id).containsExactly("database.W001");
        assertThat(new DatabaseChecks(TestPostgres.newDatabase(), Clock.systemUTC()).embeddedDatabase()).isEmpty();
    }

    @Test
    void clocksThatAgreePassOnH2AndPostgres() throws Exception {
        assertThat(new DatabaseChecks(h2(), Clock.systemUTC()).clockSkew()).isEmpty();
        assertThat(new DatabaseChecks(TestPostgres.newDatabase(), Clock.systemUTC()).clockSkew()).isEmpty();
    }

    @Test
    void clocksMoreThanOneTotpStepApartAreReported() throws Exception {
        Clock ahead = Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofSeconds(95));
        assertThat(new DatabaseChecks(h2(), ahead).clockSkew()).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo("database.W003"))
                .satisfies(m -> assertThat(m.message()).contains("differ by 9"));
        Clock behind = Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofMinutes(-5));
        assertThat(new DatabaseChecks(TestPostgres.newDatabase(), behind).clockSkew())
                .extracting(CheckMessage::id).containsExactly("database.W003");
    }

    @Test
    void pendingMigrationsAreReportedUntilMigrated() {
        DataSource dataSource = h2();
        Flyway flyway = flyway(dataSource);
        assertThat(DatabaseChecks.migrations(flyway)).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo("database.W002"))
                .satisfies(m -> assertThat(m.message()).contains("V1 portcullis"));

        flyway.migrate();
        assertThat(DatabaseChecks.migrations(flyway)).isEmpty();
    }

    @Test
    void aFailedMigrationIsAnError() {
        DataSource dataSource = TestPostgres.newDatabase();
        Flyway flyway = flyway(dataSource);
        flyway.migrate();
        // What Flyway records when a migration fails half-way on a database without transactional DDL.
        new JdbcTemplate(dataSource).update("insert into flyway_schema_history (installed_rank, version, description,"
                + " type, script, checksum, installed_by, execution_time, success) values"
                + " (999, '99', 'broken', 'SQL', 'V99__broken.sql', 0, 'test', 1, false)");

        assertThat(DatabaseChecks.migrations(flyway)).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo("database.E001"))
                .satisfies(m -> assertThat(m.level()).isEqualTo(CheckLevel.ERROR))
                .satisfies(m -> assertThat(m.message()).contains("V99 broken"));
    }

    @Test
    void thePostgresServerVersionIsCompared() throws Exception {
        String version;
        try (var connection = TestPostgres.newDatabase().getConnection()) {
            version = connection.getMetaData().getDatabaseProductVersion();
        }
        VersionChecks versions = new VersionChecks(SupportTable.parse(java.util.List.of(
                "postgresql\t17\t17.99\t2029-11-08\ttest")), Clock.systemUTC());
        assertThat(version).startsWith("17.");
        assertThat(versions.all(Optional.of(version))).filteredOn(m -> m.id().equals("versions.W006"))
                .singleElement().satisfies(m -> assertThat(m.message()).contains("behind 17.99"));
    }
}
