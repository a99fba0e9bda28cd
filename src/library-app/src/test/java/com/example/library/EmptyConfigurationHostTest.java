package com.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.portcullis.admin.AdminProperties;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;

/**
 * A host application as a new user writes it: one dependency on the starter, its own entities and V1__init.sql,
 * an empty application.yml and no profile. It gets Portcullis's safe defaults and nothing of the bookshop demo.
 */
@SpringBootTest(classes = LibraryApplication.class)
class EmptyConfigurationHostTest {

    @Autowired
    Environment environment;

    @Autowired
    AdminRegistry registry;

    @Autowired
    AdminProperties admin;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void nothingOfTheDemoReachesTheHost() {
        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getDefaultProfiles()).containsExactly("default");
        assertThat(environment.getProperty("spring.application.name")).isNull();
        assertThat(environment.getProperty("demo.data.enabled")).isNull();
        assertThat(admin.getSiteName()).isEqualTo("Portcullis");
        assertThat(registry.models()).extracting(model -> model.entityClass().getName())
                .noneMatch(name -> name.startsWith("dev.portcullis.demo"));
        assertThat(tables()).doesNotContain("book", "author", "customer", "shop_order", "order_line");
    }

    @Test
    void theHostsOwnEntitiesAreInTheAdmin() {
        assertThat(registry.models()).extracting(AdminModel::slug)
                .contains("shelf", "category", "library-book", "magazine", "member", "fine");
    }

    @Test
    void theSafeDefaultsApplyWithoutAnySetting() {
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(environment.getProperty("server.error.include-message")).isEqualTo("never");
        assertThat(environment.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
        assertThat(environment.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
        assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
        assertThat(admin.getPath()).isEqualTo("/console");
    }

    @Test
    void eachSideHasItsOwnMigrationHistory() {
        // The host's history: only its own V1 as migration (beside the empty baseline Flyway records on a schema that
        // already holds Portcullis's tables).
        assertThat(jdbc.queryForList("select \"script\" from \"flyway_schema_history\" where \"type\" in ('SQL', 'JDBC')"
                + " and \"success\" = true order by \"installed_rank\"", String.class))
                .containsExactly("V1__init.sql");
        List<String> ours = jdbc.queryForList("select \"script\" from \"portcullis_schema_history\""
                + " where \"type\" = 'SQL' and \"success\" = true order by \"installed_rank\"", String.class);
        assertThat(ours).first().isEqualTo("V1__portcullis_users_and_roles.sql");
        assertThat(ours).allMatch(script -> script.matches("V\\d+__portcullis_.*\\.sql"));
    }

    private List<String> tables() {
        return jdbc.queryForList("select lower(table_name) from information_schema.tables", String.class);
    }
}
