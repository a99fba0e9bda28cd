package dev.portcullis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.portcullis.auth.AdminUserService;
import dev.portcullis.demo.data.BookshopGenerator;
import dev.portcullis.demo.data.DemoDataProperties;
import dev.portcullis.testsupport.TestPostgres;

/**
 * The whole application on a real PostgreSQL server: migrations, the JPA mapping validated against the
 * migrated schema, the first staff user, and the demo generator.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class PostgresApplicationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::newDatabaseUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AdminUserService users;

    @Autowired
    BookshopGenerator generator;

    @Test
    void runsOnPostgresWithItsFirstStaffUser() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(users.findByUsername("admin")).hasValueSatisfying(admin -> {
            assertThat(admin.isSuperuser()).isTrue();
            assertThat(admin.isMustChangePassword()).isTrue();
        });
    }

    @Test
    void generatorFillsTheBookshopDeterministically() {
        DemoDataProperties sizes = new DemoDataProperties();
        sizes.setAuthors(50);
        sizes.setBooks(3_000);
        sizes.setCustomers(10);
        sizes.setOrders(20);
        generator.generate(sizes);
        assertThat(jdbc.queryForObject("select count(*) from book", Long.class)).isEqualTo(3_000);
        assertThat(jdbc.queryForObject("select count(distinct isbn) from book", Long.class)).isEqualTo(3_000);
        long lantern = jdbc.queryForObject("select count(*) from book where title like '%lantern%'", Long.class);
        assertThat(lantern).isBetween(10L, 60L);
        assertThat(jdbc.queryForObject("select count(*) from author where name like '%lantern%'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select min(published_on) >= date '1950-01-01' and max(published_on) <= "
                + "date '2025-12-31' from book", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from order_line", Long.class)).isPositive();
    }
}
