package dev.portcullis.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a periodic job once per cluster instead of once per node: before running, a node claims the job's row with
 * {@code select ... for update skip locked} and moves its next run forward. A node that finds the row locked by
 * another, or not yet due, skips this round. Plain JDBC on its own connection, so the claim commits before the job
 * runs and never holds a lock while it does.
 */
public final class ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final String node;

    public ClusterJobs(DataSource dataSource, Clock clock, String node) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.node = node;
    }

    /**
     * Claims the job for this node when it is due: true means run it now (no other node will until
     * {@code interval} has passed), false means skip it.
     */
    public boolean claim(String job, Duration interval) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                boolean claimed = claim(connection, job, now, interval);
                connection.commit();
                return claimed;
            } catch (SQLException e) {
                connection.rollback();
                // Two nodes inserting a new job's first row at once: the loser's insert violates the key.
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false;
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            log.warn("Could not claim the job {} on node {}: {}", job, node, e.toString());
            return false;
        }
    }

    private boolean claim(Connection connection, String job, Instant now, Duration interval) throws SQLException {
        OffsetDateTime next;
        try (PreparedStatement select = connection.prepareStatement(
                "select next_run_at from portcullis_cluster_job where name = ? for update skip locked")) {
            select.setString(1, job);
            try (ResultSet row = select.executeQuery()) {
                next = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
            }
        }
        if (next == null) {
            if (exists(connection, job)) {
                return false; // another node holds the row right now
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into portcullis_cluster_job "
                    + "(name, next_run_at, claimed_by, claimed_at) values (?, ?, ?, ?)")) {
                insert.setString(1, job);
                insert.setObject(2, at(now.plus(interval)));
                insert.setString(3, node);
                insert.setObject(4, at(now));
                insert.executeUpdate();
            }
            return true;
        }
        if (next.toInstant().isAfter(now)) {
            return false;
        }
        try (PreparedStatement update = connection.prepareStatement("update portcullis_cluster_job "
                + "set next_run_at = ?, claimed_by = ?, claimed_at = ? where name = ?")) {
            update.setObject(1, at(now.plus(interval)));
            update.setString(2, node);
            update.setObject(3, at(now));
            update.setString(4, job);
            update.executeUpdate();
        }
        return true;
    }

    private static boolean exists(Connection connection, String job) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select count(*) from portcullis_cluster_job where name = ?")) {
            select.setString(1, job);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    String node() {
        return node;
    }
}
