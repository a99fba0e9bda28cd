package dev.portcullis.demo.data;

import java.sql.PreparedStatement;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * On H2 (the embedded default), H2's own full-text index on book titles, which the admin's search uses instead of
 * scanning every title (see README, Performance: "Search on H2"). H2 keeps it with a trigger in every writing
 * transaction. PostgreSQL has its trigram indexes from V101 instead. Building it over 1,000,000 existing books takes
 * about a minute and a half, once.
 */
@Component
class V102__demo_h2_full_text extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("create alias if not exists FT_INIT for 'org.h2.fulltext.FullText.init'");
            statement.execute("call FT_INIT()");
        }
        try (PreparedStatement index = connection.prepareStatement("call FT_CREATE_INDEX(?, 'BOOK', 'TITLE')")) {
            index.setString(1, connection.getSchema());
            index.execute();
        }
    }
}
