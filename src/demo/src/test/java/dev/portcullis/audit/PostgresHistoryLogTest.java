package dev.portcullis.audit;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.portcullis.testsupport.TestPostgres;
import dev.portcullis.audit.internal.HistoryLogTest;

/** The history log tests, the hash chain under concurrent writers included, on a real PostgreSQL server. */
class PostgresHistoryLogTest extends HistoryLogTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::newDatabaseUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
