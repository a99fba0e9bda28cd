package dev.portcullis.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.migration.internal.PortcullisMigrations;
import dev.portcullis.testsupport.MutableClock;
import dev.portcullis.testsupport.Parallel;
import dev.portcullis.testsupport.TestPostgres;
import dev.portcullis.cluster.ClusterProperties;

/** Job claims and the cluster deploy checks, on H2 and on a real PostgreSQL server, with real threads racing. */
class ClusterJobsTest {

    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 6;
    private static final Duration INTERVAL = Duration.ofSeconds(55);

    private static DataSource database(String kind) {
        DataSource dataSource;
        if (kind.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            dataSource = h2;
        } else {
            dataSource = TestPostgres.newDatabase();
        }
        Flyway.configure().dataSource(dataSource).locations(PortcullisMigrations.LOCATION)
                .table(PortcullisMigrations.HISTORY_TABLE).load().migrate();
        return dataSource;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoNodesRacingForADueJobRunItOnce(String kind) throws Exception {
        DataSource dataSource = database(kind);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        List<ClusterJobs> nodes = List.of(new ClusterJobs(dataSource, clock, "node-a"),
                new ClusterJobs(dataSource, clock, "node-b"));

        // First ever run: the job's row does not exist yet, so the threads race to insert it.
        assertThat(race(nodes)).as("claims of a new job").isEqualTo(1);
        assertThat(race(nodes)).as("claims before it is due again").isZero();

        clock.advance(INTERVAL.minusSeconds(1));
        assertThat(race(nodes)).as("claims a second early").isZero();
        clock.advance(Duration.ofSeconds(1));
        // Now the row exists: the threads race for its lock (skip locked) and the due time.
        assertThat(race(nodes)).as("claims once due").isEqualTo(1);

        String claimedBy = new JdbcTemplate(dataSource).queryForObject(
                "select claimed_by from portcullis_cluster_job where name = 'retention'", String.class);
        assertThat(claimedBy).isIn("node-a", "node-b");
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from portcullis_cluster_job",
                Long.class)).isEqualTo(1);
    }

    private static long race(List<ClusterJobs> nodes) throws Exception {
        return Parallel.all(NODES * THREADS_PER_NODE, i -> nodes.get(i % NODES).claim("retention", INTERVAL))
                .stream().filter(claimed -> claimed).count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void heartbeatsOfTwoNodesMakeAClusterAndAnOrderlyStopLeavesIt(String kind) {
        DataSource dataSource = database(kind);
        MutableClock clock = new MutableClock(Instant.now());
        ClusterNodes a = new ClusterNodes(dataSource, clock, "node-a");
        ClusterNodes b = new ClusterNodes(dataSource, clock, "node-b");
        a.beat();
        assertThat(ClusterNodes.live(dataSource, clock)).isEqualTo(1);
        b.beat();
        a.beat();
        assertThat(ClusterNodes.live(dataSource, clock)).isEqualTo(2);

        MockEnvironment noKey = new MockEnvironment();
        List<String> found = checks(dataSource, false, noKey, clock);
        assertThat(found).contains("cluster.W002");
        assertThat(found.contains("cluster.W001")).isEqualTo(kind.equals("h2"));

        // A node that stops answering is no longer counted after three missed beats.
        clock.advance(ClusterNodes.LIVE.plusSeconds(1));
        a.beat();
        assertThat(ClusterNodes.live(dataSource, clock)).isEqualTo(1);
        assertThat(checks(dataSource, false, noKey, clock)).isEmpty();

        b.start();
        b.stop();
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from portcullis_cluster_node where node_name = 'node-b'", Long.class)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeclaredClusterIsCheckedBeforeItsSecondNodeStarts(String kind) {
        DataSource dataSource = database(kind);
        MutableClock clock = new MutableClock(Instant.now());
        MockEnvironment withKey = new MockEnvironment().withProperty("portcullis.secret-key", "c2VjcmV0");

        assertThat(checks(dataSource, false, new MockEnvironment(), clock)).as("one node, not declared").isEmpty();
        assertThat(checks(dataSource, true, withKey, clock))
                .isEqualTo(kind.equals("h2") ? List.of("cluster.W001") : List.of());
        assertThat(checks(dataSource, true, new MockEnvironment(), clock)).contains("cluster.W002");
    }

    private static List<String> checks(DataSource dataSource, boolean enabled, MockEnvironment environment,
            MutableClock clock) {
        ClusterProperties properties = new ClusterProperties();
        properties.setEnabled(enabled);
        return new ClusterChecks(dataSource, properties, environment, clock).run().stream().map(CheckMessage::id)
                .toList();
    }
}
