package dev.portcullis.admin.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.portcullis.testsupport.TestPostgres;

/** The same data-layer tests, every query, on a real PostgreSQL server. */
class PostgresAdminEntityServiceTest extends AdminEntityServiceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::newDatabaseUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @org.junit.jupiter.api.Test
    void theDemosSearchColumnsHaveTrigramIndexes() {
        assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like '%trgm' order by 1",
                String.class)).containsExactly("ix_author_name_trgm", "ix_book_title_trgm");
    }
}
