package dev.portcullis.cluster.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.cluster.ClusterProperties;

/**
 * Deploy checks of a multi-node setup. A setup counts as several nodes when {@code portcullis.cluster.enabled} says
 * so, or when more than one node wrote a heartbeat to the node table within the last three minutes.
 */
public final class ClusterChecks {

    private final DataSource dataSource;
    private final ClusterProperties properties;
    private final Environment environment;
    private final Clock clock;

    public ClusterChecks(DataSource dataSource, ClusterProperties properties, Environment environment, Clock clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    public List<CheckMessage> run() {
        long live = ClusterNodes.live(dataSource, clock);
        if (!properties.isEnabled() && live < 2) {
            return List.of();
        }
        String why = properties.isEnabled() ? "portcullis.cluster.enabled is set"
                : live + " nodes use this database";
        List<CheckMessage> findings = new ArrayList<>();
        if (embedded()) {
            findings.add(CheckMessage.warning("cluster.W001", "spring.datasource.url",
                    "Several nodes are expected (" + why + "), but the database is the embedded H2: each machine "
                            + "would keep its own sign-in locks, sessions, blocks and history.",
                    "Point every node's SPRING_DATASOURCE_URL at the same PostgreSQL database."));
        }
        String key = environment.getProperty("portcullis.secret-key");
        if (key == null || key.isBlank()) {
            findings.add(CheckMessage.warning("cluster.W002", "portcullis.secret-key",
                    "Several nodes are expected (" + why + "), but no secret key is set: each node generates its "
                            + "own, so two-factor secrets saved on one node cannot be read on another.",
                    "Give every node the same PORTCULLIS_SECRET_KEY (openssl rand -base64 32)."));
        }
        return findings;
    }

    private boolean embedded() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        } catch (SQLException e) {
            return false;
        }
    }
}
