package dev.portcullis.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.portcullis.demo.data.BookshopGenerator;
import dev.portcullis.demo.data.DemoDataProperties;

/** A small, deterministic bookshop for tests, generated once per database. */
public final class Bookshop {

    private Bookshop() {
    }

    public static void ensure(JdbcTemplate jdbc, BookshopGenerator generator, int books) {
        Long existing = jdbc.queryForObject("select count(*) from book", Long.class);
        if (existing != null && existing > 0) {
            return;
        }
        DemoDataProperties sizes = new DemoDataProperties();
        sizes.setAuthors(40);
        sizes.setBooks(books);
        sizes.setCustomers(12);
        sizes.setOrders(25);
        generator.generate(sizes);
    }
}
