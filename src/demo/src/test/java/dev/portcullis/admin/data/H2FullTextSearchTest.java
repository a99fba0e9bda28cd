package dev.portcullis.admin.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.data.BookshopGenerator;
import dev.portcullis.demo.shop.Book;
import dev.portcullis.testsupport.Bookshop;
import dev.portcullis.testsupport.Users;

/**
 * The list search on H2 through H2's own full-text index on book titles (demo migration V102): it finds exactly what
 * {@code lower(title) like '%term%'} finds, it really goes through the index, and the index follows inserts, updates,
 * deletes and rollbacks because H2 keeps it inside the writing transaction.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class H2FullTextSearchTest {

    private static final String[] WORDS = {"lantern", "lanterns", "Lanternfish", "moon", "Moonlight", "harbour",
        "sea", "SEAS", "o'brien", "x-ray", "3d", "tale", "tales", "Straße", "über", "north", "northern"};
    private static final String[] GLUE = {" ", " ", " ", ", ", ": ", " - ", "'", ".", " (", ") "};

    @Autowired
    AdminEntityService service;

    @Autowired
    AdminRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    BookshopGenerator generator;

    AdminModel<Book> books;
    long authorId;

    @BeforeEach
    void setUp() {
        // The same shared bookshop as the other tests (generated through the index's trigger); this test adds rows.
        Bookshop.ensure(jdbc, generator, 600);
        books = registry.byClass(Book.class).orElseThrow();
        jdbc.update("insert into author (name) values ('Full Text')");
        authorId = jdbc.queryForObject("select max(id) from author", Long.class);
        Users.superuser();
    }

    @AfterEach
    void tearDown() {
        Users.signOut();
        jdbc.update("delete from book where author_id = ?", authorId);
        jdbc.update("delete from author where id = ?", authorId);
    }

    @Test
    void theDemoHasAnIndexOnBookTitlesOnH2() {
        assertThat(jdbc.queryForList("select \"TABLE\" || '.' || COLUMNS from FT.INDEXES", String.class))
                .containsExactly("BOOK.TITLE");
    }

    @Test
    void findsExactlyWhatScanningFinds() {
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 400; i++) {
            StringBuilder title = new StringBuilder();
            int words = 2 + random.nextInt(5);
            for (int w = 0; w < words; w++) {
                title.append(WORDS[random.nextInt(WORDS.length)]).append(w < words - 1 ? GLUE[random.nextInt(
                        GLUE.length)] : "");
            }
            insert(title.toString());
        }
        // Whole words, parts of words at the start, middle and end, other cases, digits, and terms with punctuation
        // (these are matched by scanning): every one must give the same rows as the scan.
        for (String search : List.of("lantern", "LANTERN", "antern", "ern", "fish", "moon", "light", "SEA", "eas",
                "3d", "3", "o'brien", "brien", "x-ray", "ray", "über", "tale", "north ern", "lantern moon", "qqq")) {
            assertThat(found(search)).as(search).isEqualTo(scanned(search));
        }
        assertThat(found("lantern")).hasSizeGreaterThan(20);
    }

    @Test
    void theSearchGoesThroughTheIndex() {
        long indexed = insert("The Glimmerwick of the North");
        long other = insert("Glimmerwicks at sea, glimmerwick's tale");
        // found() also checks the count: two words of one title containing the term count as one row
        assertThat(found("glimmerwick")).containsExactlyInAnyOrder(indexed, other);
        // Take the word out of the index behind H2's back: a search through the index no longer finds the row,
        // which a scan still would.
        jdbc.update("delete from FT.MAP where ROWID in (select ID from FT.\"ROWS\" where \"KEY\" = ?)",
                "\"ID\"=" + indexed);
        assertThat(found("glimmerwick")).containsExactly(other);
        assertThat(scanned("glimmerwick")).containsExactlyInAnyOrder(indexed, other);
        // A term with punctuation is still matched by scanning.
        assertThat(found("glimmerwick's")).containsExactly(other);
        long apostrophe = insert("A glimmerwick's tale");
        assertThat(found("glimmerwick's")).containsExactlyInAnyOrder(other, apostrophe);
    }

    @Test
    void theIndexFollowsWritesAndRollbacks() {
        long book = insert("Quarrystone lights");
        assertThat(found("quarrystone")).containsExactly(book);
        jdbc.update("update book set title = 'Brindlemoor lights' where id = ?", book);
        assertThat(found("quarrystone")).isEmpty();
        assertThat(found("brindlemoor")).containsExactly(book);
        transactions.executeWithoutResult(status -> {
            insert("Quarrystone again");
            assertThat(found("quarrystone")).hasSize(1);
            status.setRollbackOnly();
        });
        assertThat(found("quarrystone")).isEmpty();
        jdbc.update("delete from book where id = ?", book);
        assertThat(found("brindlemoor")).isEmpty();
    }

    @Test
    void theCountAndTheFiltersCombineWithTheIndex() {
        for (int i = 0; i < 30; i++) {
            insert(i % 3 == 0 ? "Tessellate " + i : "Moon " + i);
        }
        assertThat(service.count(books, new ListQuery("tessellate", Map.of(), null, 1)).value()).isEqualTo(10);
        jdbc.update("update book set in_stock = true where title in ('Tessellate 0', 'Tessellate 3', 'Moon 1')");
        assertThat(service.count(books, new ListQuery("tessellate", Map.of("inStock", "true"), null, 1)).value())
                .isEqualTo(2);
    }

    @Test
    void nextAndPreviousPageThroughTheIndexedSearchInTheListsOrder() {
        for (int i = 0; i < 120; i++) {
            insert("Cobblelight " + i, LocalDate.of(1990, 1, 1).plusDays(i % 37));
        }
        List<Long> byNumber = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            service.list(books, new ListQuery("cobblelight", Map.of(), null, p)).rows()
                    .forEach(book -> byNumber.add((Long) PropertyValues.id(books, book)));
        }
        assertThat(byNumber).hasSize(120).doesNotHaveDuplicates();
        // newest first, ties by id: the order the list shows without a search
        assertThat(byNumber).isEqualTo(jdbc.queryForList("select id from book where title like 'Cobblelight %'"
                + " order by published_on desc, id desc", Long.class));
        ListPage<Book> first = service.list(books, new ListQuery("cobblelight", Map.of(), null, 1));
        ListPage<Book> second = service.list(books, new ListQuery("cobblelight", Map.of(), null, 2,
                first.nextCursor()));
        ListPage<Book> back = service.list(books, new ListQuery("cobblelight", Map.of(), null, 1,
                second.previousCursor()));
        assertThat(ids(second)).isEqualTo(byNumber.subList(50, 100));
        assertThat(ids(back)).isEqualTo(byNumber.subList(0, 50));
    }

    private List<Long> ids(ListPage<Book> page) {
        return page.rows().stream().map(book -> (Long) PropertyValues.id(books, book)).toList();
    }

    private long insert(String title) {
        return insert(title, LocalDate.of(2001, 1, 1));
    }

    private long insert(String title, LocalDate published) {
        long isbn = 9_990_000_000_000L + jdbc.queryForObject("select coalesce(max(id), 0) from book", Long.class);
        jdbc.update("insert into book (title, isbn, author_id, genre, published_on, price, in_stock)"
                + " values (?, ?, ?, 'FICTION', ?, 10, false)", title, String.valueOf(isbn), authorId, published);
        return jdbc.queryForObject("select max(id) from book", Long.class);
    }

    private Set<Long> found(String search) {
        Set<Long> ids = new HashSet<>();
        ListQuery query = new ListQuery(search, Map.of(), null, 1);
        List<Book> page = new ArrayList<>(service.list(books, query).rows());
        for (int p = 2; !page.isEmpty(); p++) {
            page.forEach(book -> ids.add((Long) PropertyValues.id(books, book)));
            page = service.list(books, new ListQuery(search, Map.of(), null, p)).rows();
        }
        assertThat(service.count(books, query).value()).as("count of " + search).isEqualTo(ids.size());
        return ids;
    }

    /** What the search must find: every term in the title (lower-cased) or the author's name. */
    private Set<Long> scanned(String search) {
        StringBuilder sql = new StringBuilder("select b.id from book b join author a on a.id = b.author_id where 1 = 1");
        List<Object> args = new ArrayList<>();
        for (String term : search.toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            sql.append(" and (lower(b.title) like ? or lower(a.name) like ?)");
            args.add("%" + term + "%");
            args.add("%" + term + "%");
        }
        return new HashSet<>(jdbc.queryForList(sql.toString(), Long.class, args.toArray()));
    }
}
