package dev.portcullis.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.portcullis.auth.AdminUserService;
import dev.portcullis.demo.data.BookshopGenerator;

/** Karibu view tests over the demo bookshop: sample data and a superuser to sign in as. */
public abstract class BookshopKaribuTest extends KaribuTest {

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected BookshopGenerator generator;

    @Autowired
    protected AdminUserService users;

    /** Fills the bookshop (once per database) and makes sure a superuser of that name exists. */
    protected void bookshopWithSuperuser(int books, String username) {
        Bookshop.ensure(jdbc, generator, books);
        if (users.findByUsername(username).isEmpty()) {
            users.createUser(username, "correct horse battery staple", true, true, false);
        }
    }
}
