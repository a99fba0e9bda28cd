package com.example.petclinic;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.portcullis.testsupport.TestPostgres;

/** The cascade permission checks on a real PostgreSQL server. */
class PostgresPetclinicCascadePermissionTest extends PetclinicCascadePermissionTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::newDatabaseUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
