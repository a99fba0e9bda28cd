package dev.portcullis.migration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.portcullis.testsupport.TestPostgres;

/**
 * A database migrated by Portcullis 0.1 — our scripts and the host's in one flyway_schema_history, with data in
 * both — is upgraded to the two histories without losing a row, and then both Flyways validate and run.
 */
class LegacyHistoryTransitionTest {

    private static final String HOST = "classpath:legacyhost";

    @Test
    void anOldSingleHistoryIsSplitWithoutDataLossOnH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:legacy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        assertUpgrades(h2);
    }

    @Test
    void anOldSingleHistoryIsSplitWithoutDataLossOnPostgres() {
        assertUpgrades(TestPostgres.newDatabase());
    }

    @Test
    void aSecondStartFindsNothingToMove() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:legacy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        assertUpgrades(h2);
        ours(h2).afterPropertiesSet();
        assertThat(new JdbcTemplate(h2).queryForObject(
                "select count(*) from \"portcullis_schema_history\" where \"type\" = 'BASELINE'", Integer.class))
                .isEqualTo(1);
    }

    private static void assertUpgrades(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // The old way: everything in the host's history.
        Flyway.configure().dataSource(dataSource).locations("classpath:db/portcullis/migration", HOST).load().migrate();
        jdbc.update("insert into portcullis_user (username, password_hash, active, staff, created_at)"
                + " values ('ada', 'x', true, true, current_timestamp)");
        long ada = jdbc.queryForObject("select id from portcullis_user where username = 'ada'", Long.class);
        jdbc.update("insert into host_note (id, author_id, body) values (1, ?, 'kept')", ada);

        ours(dataSource).afterPropertiesSet();
        Flyway host = Flyway.configure().dataSource(dataSource).locations(HOST).load();

        assertThat(host.validateWithResult().validationSuccessful).isTrue();
        assertThat(host.migrate().migrationsExecuted).isZero();
        assertThat(jdbc.queryForList("select \"script\" from \"flyway_schema_history\" where \"type\" = 'SQL'",
                String.class)).containsExactly("V100__host_notes.sql");
        // Baselined at the newest of our scripts the old history had applied (all of them, here).
        String newest = java.util.Arrays.stream(Flyway.configure().dataSource(dataSource)
                .locations(PortcullisMigrations.LOCATION).table(PortcullisMigrations.HISTORY_TABLE).load().info().all())
                .map(org.flywaydb.core.api.MigrationInfo::getVersion).max(java.util.Comparator.naturalOrder())
                .orElseThrow().getVersion();
        assertThat(newest).isNotEqualTo("0");
        assertThat(jdbc.queryForObject("select \"version\" from \"portcullis_schema_history\" where \"type\" = 'BASELINE'",
                String.class)).isEqualTo(newest);
        assertThat(jdbc.queryForObject("select body from host_note where author_id = ?", String.class, ada))
                .isEqualTo("kept");
        assertThat(jdbc.queryForObject("select count(*) from portcullis_user", Integer.class)).isEqualTo(1);
    }

    private static PortcullisMigrations ours(DataSource dataSource) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations(PortcullisMigrations.LOCATION)
                .table(PortcullisMigrations.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0").load();
        return new PortcullisMigrations(flyway, new LegacyHistoryTransition(dataSource, "flyway_schema_history"), true);
    }
}
