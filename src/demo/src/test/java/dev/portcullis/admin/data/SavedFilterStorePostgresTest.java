package dev.portcullis.admin.data;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.TestPostgres;

/** {@link SavedFilterStore} on a real PostgreSQL server, migrated by V17 like any upgraded database. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class SavedFilterStorePostgresTest extends SavedFilterStore {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::newDatabaseUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
