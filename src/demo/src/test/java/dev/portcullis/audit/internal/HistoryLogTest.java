package dev.portcullis.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.ReflectionTestUtils;

import dev.portcullis.admin.AdminChange;
import dev.portcullis.admin.AdminChange.FieldChange;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.internal.ValueLabels;
import dev.portcullis.auth.AdminUser;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.data.BookshopGenerator;
import dev.portcullis.demo.shop.Book;
import dev.portcullis.demo.shop.CustomerOrder;
import dev.portcullis.testsupport.Bookshop;
import dev.portcullis.testsupport.Users;

/** The history log behind the admin: diffs, masking, the hash chain and its tamper check. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
public class HistoryLogTest {

    @Autowired
    AdminEntityService service;

    @Autowired
    AdminRegistry registry;

    @Autowired
    HistoryLog history;

    @Autowired
    HistoryChainCheck check;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookshopGenerator generator;

    @Autowired
    AdminUserService users;

    AdminModel<Book> books;

    @BeforeEach
    void setUp() {
        Bookshop.ensure(jdbc, generator, 200);
        books = registry.byClass(Book.class).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        Users.signOut();
    }

    @Test
    void aChangeRecordsWhoAndTheOldAndNewValueOfEachChangedField() {
        Users.signInWith("editor", "book:change");
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        Book book = service.get(books, id);
        String oldTitle = book.getTitle();
        String oldPrice = book.getPrice().toPlainString();
        book.setTitle("The audited lantern");
        book.setPrice(new BigDecimal("12.34"));
        service.save(books, book);

        HistoryEntry entry = history.forObject("book", String.valueOf(id), 1).getFirst();
        assertThat(entry.username()).isEqualTo("editor");
        assertThat(entry.action()).isEqualTo(AdminChange.Kind.CHANGE);
        assertThat(entry.objectLabel()).isEqualTo("The audited lantern");
        assertThat(entry.changes()).containsExactly(
                new FieldChange("title", oldTitle, "The audited lantern", false),
                new FieldChange("price", oldPrice, "12.34", false));
    }

    @Test
    void addsAndDeletesAreRecordedWithTheirValuesAndWhatWentWithThem() {
        Users.superuser();
        AdminModel<CustomerOrder> orders = registry.byClass(CustomerOrder.class).orElseThrow();
        Long orderId = jdbc.queryForObject("select min(order_id) from order_line", Long.class);
        long lines = jdbc.queryForObject("select count(*) from order_line where order_id = ?", Long.class, orderId);
        String status = jdbc.queryForObject("select status from shop_order where id = ?", String.class, orderId);
        service.delete(orders, orderId);

        HistoryEntry deleted = history.forObject("order", String.valueOf(orderId), 1).getFirst();
        assertThat(deleted.action()).isEqualTo(AdminChange.Kind.DELETE);
        assertThat(deleted.detail()).isEqualTo("with " + (lines == 1 ? "1 order line" : lines + " order lines"));
        // recorded as the form offers it: "Shipped", not SHIPPED
        assertThat(deleted.changes()).contains(new FieldChange("status",
                ValueLabels.of(dev.portcullis.demo.shop.OrderStatus.valueOf(status)), null, false));

        Book book = service.newInstance(books);
        Book template = service.get(books, jdbc.queryForObject("select min(id) from book", Long.class));
        book.setTitle("A brand new harbor");
        book.setIsbn("9780000000017");
        book.setAuthor(template.getAuthor());
        book.setGenre(template.getGenre());
        book.setPublishedOn(template.getPublishedOn());
        book.setPrice(new BigDecimal("9.99"));
        Book saved = service.save(books, book);
        HistoryEntry added = history.forObject("book", String.valueOf(saved.getId()), 1).getFirst();
        assertThat(added.action()).isEqualTo(AdminChange.Kind.ADD);
        assertThat(added.changes()).contains(new FieldChange("title", null, "A brand new harbor", false),
                new FieldChange("author", null, template.getAuthor() + " (#" + template.getAuthor().getId() + ")",
                        false));
    }

    @Test
    void secretFieldsAreRecordedAsChangedButNeverWithTheirValues() {
        users.findByUsername("masked-user").orElseGet(() -> users.createUser("masked-user",
                "correct horse battery staple", true, false, false));
        Users.superuser();
        AdminModel<AdminUser> userModel = registry.byClass(AdminUser.class).orElseThrow();
        Long id = jdbc.queryForObject("select id from portcullis_user where username = 'masked-user'", Long.class);
        String oldHash = jdbc.queryForObject("select password_hash from portcullis_user where id = ?", String.class, id);
        AdminUser user = service.get(userModel, id);
        ReflectionTestUtils.setField(user, "passwordHash", "{argon2}new-secret-hash-value");
        user.setFullName("Masked User");
        service.save(userModel, user);

        HistoryEntry entry = history.forObject(userModel.slug(), String.valueOf(id), 1).getFirst();
        assertThat(entry.changes()).contains(new FieldChange("passwordHash", null, null, true),
                new FieldChange("fullName", null, "Masked User", false));
        String stored = jdbc.queryForObject("select changes from portcullis_history where id = ?", String.class,
                entry.id());
        assertThat(stored).contains("\"passwordHash\"").doesNotContain("new-secret-hash-value")
                .doesNotContain(oldHash);
        assertThat(entry.describeChanges()).contains("passwordHash: changed (secret, not recorded)");
    }

    @Test
    void theTamperCheckNamesTheFirstEditedEntryAndPassesOnceItIsRestored() {
        Users.superuser();
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        for (String title : List.of("First tamper title", "Second tamper title")) {
            Book book = service.get(books, id);
            book.setTitle(title);
            service.save(books, book);
        }
        assertThat(check.run()).isEmpty();
        long victim = history.forObject("book", String.valueOf(id), 2).getLast().id();
        String original = jdbc.queryForObject("select changes from portcullis_history where id = ?", String.class,
                victim);
        jdbc.update("update portcullis_history set changes = ? where id = ?",
                original.replace("First tamper title", "Something innocent"), victim);
        try {
            assertThat(check.run()).singleElement().satisfies(message -> {
                assertThat(message.id()).isEqualTo("audit.E001");
                assertThat(message.isSerious()).isTrue();
                assertThat(message.message()).startsWith("History entry #" + victim + " (").contains("was altered");
            });
        } finally {
            jdbc.update("update portcullis_history set changes = ? where id = ?", original, victim);
        }
        assertThat(check.run()).isEmpty();
    }

    @Test
    void removingTheNewestEntryOrRelinkingOneIsDetectedToo() {
        Users.superuser();
        Long id = jdbc.queryForObject("select max(id) from book", Long.class);
        Book book = service.get(books, id);
        book.setTitle("Removed from the log");
        service.save(books, book);
        var newest = jdbc.queryForMap("select * from portcullis_history where id = (select max(id) from portcullis_history)");
        long last = ((Number) newest.get("id")).longValue();
        jdbc.update("delete from portcullis_history where id = ?", last);
        try {
            assertThat(check.run()).extracting(CheckMessage::message).singleElement().asString()
                    .contains("ends at entry #" + (last - 1)).contains("head names #" + last);
        } finally {
            jdbc.update("insert into portcullis_history (id, occurred_at, username, action, entity, object_id,"
                    + " object_label, detail, changes, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    newest.get("id"), newest.get("occurred_at"), newest.get("username"), newest.get("action"),
                    newest.get("entity"), newest.get("object_id"), newest.get("object_label"), newest.get("detail"),
                    newest.get("changes"), newest.get("prev_hash"), newest.get("hash"));
        }
        assertThat(check.run()).isEmpty();
    }

    @Test
    void concurrentWritersAppendOneAfterTheOtherWithoutForkingTheChain() throws Exception {
        long before = jdbc.queryForObject("select count(*) from portcullis_history", Long.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String name = "writer-" + w;
                writers.add(pool.submit(() -> {
                    var user = UsernamePasswordAuthenticationToken.authenticated(name, null, List.of());
                    for (int i = 0; i < 25; i++) {
                        history.record(user, new AdminChange(AdminChange.Kind.ACTION, "book", null, "test", List.of(),
                                "entry " + i));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from portcullis_history", Long.class)).isEqualTo(before + 100);
        assertThat(jdbc.queryForObject("select count(distinct prev_hash) from portcullis_history", Long.class))
                .isEqualTo(before + 100);
        assertThat(history.verify()).isEmpty();
    }

    @Test
    void nothingInTheAdminCanEditOrDeleteTheLog() {
        assertThat(registry.models()).noneMatch(model -> model.entityClass().getSimpleName().toLowerCase()
                .contains("history"));
        assertThat(HistoryLog.class.getDeclaredMethods()).extracting(java.lang.reflect.Method::getName)
                .noneMatch(name -> name.startsWith("delete") || name.startsWith("update"));
    }
}
