package dev.portcullis.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import dev.portcullis.testsupport.TestPostgres;

/**
 * Every migration runs on H2 (the embedded default) and on a real PostgreSQL server, and leaves the same tables.
 */
class MigrationsTest {

    private static final List<String> EXPECTED_TABLES = List.of("portcullis_user", "portcullis_role",
            "portcullis_role_permission", "portcullis_user_role", "author", "book", "customer", "shop_order",
            "order_line", "portcullis_history", "portcullis_history_head", "portcullis_saved_filter");

    @Test
    void migrationsRunOnH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        assertMigrates(h2);
    }

    @Test
    void migrationsRunOnPostgres() throws Exception {
        assertMigrates(TestPostgres.newDatabase());
    }

    private static void assertMigrates(DataSource dataSource) throws Exception {
        // Portcullis's own migrations with their own history table, then the demo's, as the application runs them.
        Flyway portcullis = Flyway.configure().dataSource(dataSource).locations("classpath:db/portcullis/migration")
                .table("portcullis_schema_history").load();
        MigrateResult ours = portcullis.migrate();
        assertThat(ours.success).isTrue();
        assertThat(ours.migrationsExecuted).isGreaterThanOrEqualTo(6);
        assertThat(portcullis.validateWithResult().validationSuccessful).isTrue();
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0").load();
        MigrateResult result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
            assertThat(tables).containsAll(EXPECTED_TABLES);
        }
        // A second run finds nothing to do: migrations are recorded, not re-applied.
        assertThat(portcullis.migrate().migrationsExecuted).isZero();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }
}
