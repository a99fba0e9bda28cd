package com.example.binding;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.portcullis.testsupport.TestPostgres;

/** The same forms and save failures on a real PostgreSQL server, whose refusals read differently from H2's. */
class PostgresBindingAdminTest extends BindingAdminTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::newDatabaseUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
