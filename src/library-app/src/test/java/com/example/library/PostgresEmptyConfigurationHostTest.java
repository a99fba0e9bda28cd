package com.example.library;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.portcullis.testsupport.TestPostgres;

/** The host with an empty application.yml on a real PostgreSQL server. */
class PostgresEmptyConfigurationHostTest extends EmptyConfigurationHostTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::newDatabaseUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
