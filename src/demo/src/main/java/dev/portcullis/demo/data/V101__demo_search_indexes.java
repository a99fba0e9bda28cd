package dev.portcullis.demo.data;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * The bookshop's search indexes, per database. On PostgreSQL: trigram (pg_trgm) GIN indexes on lower(title) and
 * lower(author name), which serve the admin's {@code lower(...) like '%word%'} search. H2 has no index that serves a
 * substring search, so there the list searches by scanning (see README, Performance). A Java migration because the
 * two databases need different statements; Spring Boot hands every {@code JavaMigration} bean to Flyway.
 */
@Component
class V101__demo_search_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            // pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it without superuser.
            statement.execute("create extension if not exists pg_trgm");
            statement.execute("create index ix_book_title_trgm on book using gin (lower(title) gin_trgm_ops)");
            statement.execute("create index ix_author_name_trgm on author using gin (lower(name) gin_trgm_ops)");
        }
    }
}
