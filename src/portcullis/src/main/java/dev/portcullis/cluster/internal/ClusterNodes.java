package dev.portcullis.cluster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * This node's row in {@code portcullis_cluster_node}, refreshed every minute on a thread of its own and deleted on an
 * orderly stop; the deploy checks count the rows seen lately to know how many nodes share the database. A node that
 * dies keeps its row until it is {@link #LIVE} old.
 */
public final class ClusterNodes implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);
    /** A node that has not written for this long is taken to be gone (three missed beats). */
    static final Duration LIVE = Duration.ofMinutes(3);
    /** Rows of nodes gone this long are deleted. */
    static final Duration FORGET = Duration.ofDays(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final String node;
    // Made anew at each start: a context can be stopped and started again (Spring's test context cache pauses
    // contexts it is not using), and a shut-down executor takes no new work.
    private volatile ScheduledExecutorService timer;
    private volatile boolean running;

    public ClusterNodes(DataSource dataSource, Clock clock, String node) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.node = node;
    }

    /** Writes this node's heartbeat and forgets nodes long gone. */
    void beat() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement update = connection.prepareStatement(
                    "update portcullis_cluster_node set last_seen_at = ? where node_name = ?")) {
                update.setObject(1, ClusterJobs.at(now));
                update.setString(2, node);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = connection.prepareStatement("insert into portcullis_cluster_node "
                        + "(node_name, started_at, last_seen_at) values (?, ?, ?)")) {
                    insert.setString(1, node);
                    insert.setObject(2, ClusterJobs.at(now));
                    insert.setObject(3, ClusterJobs.at(now));
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement forget = connection.prepareStatement(
                    "delete from portcullis_cluster_node where last_seen_at < ?")) {
                forget.setObject(1, ClusterJobs.at(now.minus(FORGET)));
                forget.executeUpdate();
            }
        } catch (SQLException e) {
            log.warn("Could not record the heartbeat of node {}: {}", node, e.toString());
        }
    }

    /** Nodes that wrote a heartbeat lately, this one included; 0 when the table is not there (migrations pending). */
    static long live(DataSource dataSource, Clock clock) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select count(*) from portcullis_cluster_node where last_seen_at > ?")) {
            select.setObject(1, ClusterJobs.at(clock.instant().minus(LIVE)));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    private void leave() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "delete from portcullis_cluster_node where node_name = ?")) {
            delete.setString(1, node);
            delete.executeUpdate();
        } catch (SQLException e) {
            log.warn("Could not remove node {} from the node table: {}", node, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "portcullis-cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, 0, 1, TimeUnit.MINUTES);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        ScheduledExecutorService timer = this.timer;
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            // A beat under way must finish before the row is deleted, or it would write the row back.
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leave();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        ScheduledExecutorService timer = this.timer;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
