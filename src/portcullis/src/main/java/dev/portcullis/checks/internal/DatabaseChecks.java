package dev.portcullis.checks.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import dev.portcullis.checks.CheckMessage;

/** Deploy checks of the database: which one, whether its migrations are complete, and whether its clock agrees. */
public final class DatabaseChecks {

    /** One TOTP step: codes are only accepted when both clocks agree to within it. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Clock clock;

    public DatabaseChecks(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public List<CheckMessage> embeddedDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.toLowerCase(java.util.Locale.ROOT).contains("h2")) {
                return List.of();
            }
            return List.of(CheckMessage.warning("database.W001", "spring.datasource.url",
                    "The application runs on the embedded H2 database (" + connection.getMetaData().getURL()
                            + "): one process, a file on this machine, no point-in-time backups.",
                    "Point SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) at PostgreSQL."));
        }
    }

    public List<CheckMessage> clockSkew() throws SQLException {
        Instant database;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select current_timestamp")) {
            result.next();
            database = result.getObject(1, OffsetDateTime.class).toInstant();
        }
        Duration skew = Duration.between(database, clock.instant()).abs();
        if (skew.compareTo(MAX_CLOCK_SKEW) <= 0) {
            return List.of();
        }
        return List.of(CheckMessage.warning("database.W003", "clock",
                "The server's clock and the database's differ by " + skew.toSeconds() + " seconds, more than one"
                        + " 30-second TOTP step: codes, lockouts and session timeouts are computed wrongly.",
                "Synchronise both machines with NTP (timedatectl set-ntp true)."));
    }

    public static List<CheckMessage> migrations(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        List<MigrationInfo> failed = Arrays.stream(all).filter(m -> m.getState().isFailed()).toList();
        if (!failed.isEmpty()) {
            return List.of(CheckMessage.error("database.E001", "flyway",
                    "Database migrations failed: " + describe(failed) + ".",
                    "Repair the database by hand, then run flyway repair; see the flyway_schema_history table."));
        }
        List<MigrationInfo> pending = Arrays.asList(flyway.info().pending());
        if (pending.isEmpty()) {
            return List.of();
        }
        return List.of(CheckMessage.warning("database.W002", "flyway",
                pending.size() + " database migration" + (pending.size() == 1 ? " is" : "s are") + " pending: "
                        + describe(pending) + ".",
                "Start the application normally (spring.flyway.enabled=true) or run the migrations before it."));
    }

    private static String describe(List<MigrationInfo> migrations) {
        return migrations.stream().map(m -> "V" + m.getVersion() + " " + m.getDescription())
                .collect(Collectors.joining(", "));
    }
}
