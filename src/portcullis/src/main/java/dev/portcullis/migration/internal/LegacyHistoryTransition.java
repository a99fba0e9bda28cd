package dev.portcullis.migration.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades a database migrated by Portcullis 0.1, when our scripts ({@code V1__portcullis_...}) were recorded in the
 * host's {@code flyway_schema_history}: our history is baselined at the highest of them, and their rows leave the
 * host's history, so the host's Flyway no longer finds applied migrations it cannot resolve. Idempotent: a run
 * interrupted between the two steps is finished by the next start.
 */
public final class LegacyHistoryTransition {

    private static final Logger log = LoggerFactory.getLogger(LegacyHistoryTransition.class);

    /** Only our own scripts: {@code V<n>__portcullis_<anything>.sql}. */
    private static final Pattern OUR_SCRIPT = Pattern.compile("V(\\d+)__portcullis_.*\\.sql");

    private final DataSource dataSource;
    private final String hostHistoryTable;

    public LegacyHistoryTransition(DataSource dataSource, String hostHistoryTable) {
        this.dataSource = dataSource;
        this.hostHistoryTable = hostHistoryTable;
    }

    void moveOutOfHostHistory(Flyway ours) {
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection, hostHistoryTable)) {
                return;
            }
            List<String> ourScripts = ourScriptsIn(connection);
            if (ourScripts.isEmpty()) {
                return;
            }
            int highest = ourScripts.stream().mapToInt(LegacyHistoryTransition::version).max().orElseThrow();
            if (!tableExists(connection, PortcullisMigrations.HISTORY_TABLE)) {
                Flyway.configure().configuration(ours.getConfiguration())
                        .baselineVersion(MigrationVersion.fromVersion(String.valueOf(highest)))
                        .baselineDescription("Portcullis migrations moved from " + hostHistoryTable)
                        .load().baseline();
                log.info("Portcullis migrations V1 to V{} were recorded in {}: {} is baselined at V{}", highest,
                        hostHistoryTable, PortcullisMigrations.HISTORY_TABLE, highest);
            }
            removeOurRows(connection, ourScripts);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move Portcullis's migrations out of " + hostHistoryTable
                    + " into " + PortcullisMigrations.HISTORY_TABLE + ": " + e.getMessage(), e);
        }
    }

    private List<String> ourScriptsIn(Connection connection) throws SQLException {
        List<String> scripts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select \"script\" from \"" + hostHistoryTable + "\" where \"success\" = ?")) {
            select.setBoolean(1, true);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String script = rows.getString(1);
                    if (script != null && OUR_SCRIPT.matcher(script).matches()) {
                        scripts.add(script);
                    }
                }
            }
        }
        return scripts;
    }

    private static int version(String script) {
        Matcher matcher = OUR_SCRIPT.matcher(script);
        matcher.matches();
        return Integer.parseInt(matcher.group(1));
    }

    /** In one transaction: either all our rows leave the host's history, or none. */
    private void removeOurRows(Connection connection, List<String> scripts) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from \"" + hostHistoryTable + "\" where \"script\" = ?")) {
            for (String script : scripts) {
                delete.setString(1, script);
                delete.addBatch();
            }
            delete.executeBatch();
            connection.commit();
            log.info("Removed {} Portcullis migrations {} from {}; the host's own migrations stay there",
                    scripts.size(), scripts, hostHistoryTable);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
            return tables.next();
        }
    }
}
