package dev.portcullis.demo.data;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads the demo bookshop into an empty database at start-up (when {@code demo.data.enabled=true}).
 */
class DemoDataLoader implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final BookshopGenerator generator;
    private final DemoDataProperties properties;

    DemoDataLoader(JdbcTemplate jdbc, BookshopGenerator generator, DemoDataProperties properties) {
        this.jdbc = jdbc;
        this.generator = generator;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long books = jdbc.queryForObject("select count(*) from book", Long.class);
        if (books != null && books == 0) {
            generator.generate(properties);
        }
    }
}
