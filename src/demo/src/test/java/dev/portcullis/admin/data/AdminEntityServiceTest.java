package dev.portcullis.admin.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.admin.model.SortOrder;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.data.BookshopGenerator;
import dev.portcullis.demo.shop.Author;
import dev.portcullis.demo.shop.Book;
import dev.portcullis.demo.shop.CustomerOrder;
import dev.portcullis.demo.shop.Genre;
import dev.portcullis.testsupport.Bookshop;
import dev.portcullis.testsupport.Users;
import dev.portcullis.admin.data.internal.ListFilters;

/**
 * The data layer behind every admin screen, called directly: permissions hold even with no screen in between.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class AdminEntityServiceTest {

    @Autowired
    AdminEntityService service;

    @Autowired
    AdminRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookshopGenerator generator;

    AdminModel<Book> books;
    AdminModel<Author> authors;
    AdminModel<CustomerOrder> orders;

    @BeforeEach
    void setUp() {
        Bookshop.ensure(jdbc, generator, 600);
        books = registry.byClass(Book.class).orElseThrow();
        authors = registry.byClass(Author.class).orElseThrow();
        orders = registry.byClass(CustomerOrder.class).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        Users.signOut();
    }

    @Test
    void everyOperationIsRefusedWithoutItsPermission() {
        Users.signInWith("clerk");
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        assertThatThrownBy(() -> service.list(books, ListQuery.firstPage())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.count(books, ListQuery.firstPage())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.get(books, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.newInstance(books)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.delete(books, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.lookup(Author.class, "", 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from book where id = ?", Long.class, id)).isEqualTo(1);
    }

    @Test
    void viewPermissionAllowsReadingButNotWriting() {
        Users.signInWith("reader", "book:view");
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        Book book = service.get(books, id);
        String before = book.getTitle();
        book.setTitle("Changed by someone who may only look");
        assertThatThrownBy(() -> service.save(books, book)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.delete(books, id)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select title from book where id = ?", String.class, id)).isEqualTo(before);
    }

    @Test
    void changePermissionAllowsSavingAndImpliesView() {
        Users.signInWith("editor", "book:change");
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        Book book = service.get(books, id);
        book.setTitle("The edited harbor");
        service.save(books, book);
        assertThat(jdbc.queryForObject("select title from book where id = ?", String.class, id))
                .isEqualTo("The edited harbor");
        assertThatThrownBy(() -> service.newInstance(books)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void listsPageSortSearchAndFilterOnTheServer() {
        Users.superuser();
        ListPage<Book> first = service.list(books, ListQuery.firstPage());
        assertThat(first.rows()).hasSize(50);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.rows()).extracting(Book::getPublishedOn)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        ListPage<Book> byTitle = service.list(books, new ListQuery("", Map.of(), SortOrder.parse("title"), 2));
        List<String> expected = jdbc.queryForList("select title from book order by title, id offset 50 rows fetch next"
                + " 50 rows only", String.class);
        assertThat(byTitle.rows()).extracting(Book::getTitle).isEqualTo(expected);

        long lantern = jdbc.queryForObject("select count(*) from book b join author a on a.id = b.author_id where"
                + " lower(b.title) like '%lantern%' or lower(a.name) like '%lantern%'", Long.class);
        assertThat(service.count(books, new ListQuery("LANTERN", Map.of(), null, 1)).value()).isEqualTo(lantern);
        assertThat(lantern).isPositive();

        ListQuery scifiInStock = new ListQuery("", Map.of("genre", "SCIFI", "inStock", "true"), null, 1);
        long expectedCount = jdbc.queryForObject("select count(*) from book where genre = 'SCIFI' and in_stock", Long.class);
        assertThat(service.count(books, scifiInStock).value()).isEqualTo(expectedCount);
        assertThat(service.list(books, scifiInStock).rows())
                .allSatisfy(b -> assertThat(b.getGenre()).isEqualTo(Genre.SCIFI))
                .allSatisfy(b -> assertThat(b.isInStock()).isTrue());

        ListQuery sixties = new ListQuery("", Map.of("publishedOn_from", "1960-01-01", "publishedOn_to", "1969-12-31"),
                null, 1);
        assertThat(service.count(books, sixties).value()).isEqualTo(jdbc.queryForObject(
                "select count(*) from book where published_on between date '1960-01-01' and date '1969-12-31'",
                Long.class));
    }

    @Test
    void searchTreatsWildcardsAsText() {
        Users.superuser();
        assertThat(service.count(books, new ListQuery("%", Map.of(), null, 1)).value()).isZero();
        assertThat(service.count(books, new ListQuery("_", Map.of(), null, 1)).value()).isZero();
    }

    @Test
    void sortingByAnythingButAColumnIsIgnored() {
        Users.superuser();
        ListPage<Book> page = service.list(books, new ListQuery("", Map.of(), SortOrder.parse("isbn"), 1));
        assertThat(page.rows()).extracting(Book::getPublishedOn).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void invalidFilterValuesAreReportedNotGuessed() {
        Users.superuser();
        ListFilters.Parsed parsed = ListFilters.parse(books, Map.of("genre", "POETRY", "inStock", "maybe"),
                service::parseRelatedId);
        assertThat(parsed.values()).isEmpty();
        assertThat(parsed.problems()).containsExactly(
                "Ignored the filter 'Genre': 'POETRY' is not a valid value.",
                "Ignored the filter 'In stock': 'maybe' is not a valid value.");
    }

    @Test
    void deletePreviewListsCascadesAndBlockers() {
        Users.superuser();
        Long orderId = jdbc.queryForObject("select min(order_id) from order_line", Long.class);
        long lines = jdbc.queryForObject("select count(*) from order_line where order_id = ?", Long.class, orderId);
        DeletionPreview order = service.previewDelete(orders, orderId);
        assertThat(order.blocked()).isFalse();
        assertThat(order.cascades()).singleElement().satisfies(g -> {
            assertThat(g.label()).isEqualTo("Order lines");
            assertThat(g.count()).isEqualTo(lines);
        });
        service.delete(orders, orderId);
        assertThat(jdbc.queryForObject("select count(*) from order_line where order_id = ?", Long.class, orderId)).isZero();

        Long authorId = jdbc.queryForObject("select author_id from book order by id fetch first 1 rows only", Long.class);
        DeletionPreview author = service.previewDelete(authors, authorId);
        assertThat(author.blocked()).isTrue();
        assertThat(author.blockers()).extracting(DeletionPreview.Group::label).contains("Books");
        assertThatThrownBy(() -> service.delete(authors, authorId)).isInstanceOf(SaveRejectedException.class)
                .hasMessageContaining("cannot be deleted").hasMessageContaining("books");
    }

    @Test
    void staleVersionsAreRefusedWithAClearMessage() {
        Users.superuser();
        Long id = jdbc.queryForObject("select max(id) from book", Long.class);
        Book mine = service.get(books, id);
        jdbc.update("update book set title = 'Theirs', version = version + 1 where id = ?", id);
        mine.setTitle("Mine");
        assertThatThrownBy(() -> service.save(books, mine)).isInstanceOf(SaveRejectedException.class)
                .hasMessageContaining("Someone else changed this book")
                .satisfies(e -> assertThat(((SaveRejectedException) e).isStaleVersion()).isTrue());
        assertThat(jdbc.queryForObject("select title from book where id = ?", String.class, id)).isEqualTo("Theirs");
    }

    @Test
    void uniqueViolationsBecomeReadableMessages() {
        Users.superuser();
        List<Long> ids = jdbc.queryForList("select id from book order by id fetch first 2 rows only", Long.class);
        String taken = jdbc.queryForObject("select isbn from book where id = ?", String.class, ids.get(0));
        Book other = service.get(books, ids.get(1));
        other.setIsbn(taken);
        assertThatThrownBy(() -> service.save(books, other)).isInstanceOf(SaveRejectedException.class)
                .hasMessage("Another book already has this isbn. Choose a different one.");
    }

    @Test
    void countsStopAtTheLimit() {
        Users.superuser();
        CappedCount all = service.count(books, ListQuery.firstPage());
        assertThat(all.capped()).isFalse();
        assertThat(all.value()).isEqualTo(jdbc.queryForObject("select count(*) from book", Long.class));
        assertThat(new CappedCount(10_000, true).display()).isEqualTo("10,000+");
    }

    @Test
    void lookupsPageThroughRelatedRows() {
        Users.signInWith("editor", "book:change", "author:view");
        List<Author> page = service.lookup(Author.class, "", 0, 10);
        assertThat(page).hasSize(10).extracting(Author::getName).isSorted();
        String someone = page.getFirst().getName().split(" ")[1];
        assertThat(service.lookup(Author.class, someone, 0, 50)).allSatisfy(a -> assertThat(a.getName()).contains(someone));
        assertThat(PropertyValues.id(authors, page.getFirst())).isEqualTo(page.getFirst().getId());
    }

    @Test
    void nextAndPreviousCursorsWalkEveryPageInOrderAndBackAgain() {
        Users.superuser();
        for (String sort : new String[] {null, "title", "-price"}) {
            String order = sort == null ? "published_on desc, id desc" : sort.equals("title")
                    ? "title, published_on desc, id" : "price desc, published_on desc, id desc";
            List<Long> expected = jdbc.queryForList("select id from book order by " + order, Long.class);
            List<Long> walked = new java.util.ArrayList<>();
            List<String> previousCursors = new java.util.ArrayList<>();
            ListQuery query = new ListQuery("", Map.of(), sort == null ? null : SortOrder.parse(sort), 1);
            while (true) {
                ListPage<Book> page = service.list(books, query);
                walked.addAll(page.rows().stream().map(Book::getId).toList());
                previousCursors.add(page.previousCursor());
                if (!page.hasNext()) {
                    break;
                }
                assertThat(page.nextCursor()).as("keyset cursor for %s", sort).isNotNull();
                query = new ListQuery("", Map.of(), query.sort(), query.page() + 1, page.nextCursor());
            }
            assertThat(walked).as("order %s", order).isEqualTo(expected);
            // and back: each previous cursor yields exactly the page before it
            int last = previousCursors.size();
            ListPage<Book> back = service.list(books, new ListQuery("", Map.of(), query.sort(), last - 1,
                    previousCursors.getLast()));
            assertThat(back.rows()).extracting(Book::getId).isEqualTo(expected.subList((last - 2) * 50,
                    (last - 1) * 50));
            assertThat(back.hasNext()).isTrue();
        }
    }

    @Test
    void deepPageNumbersWithoutACursorStillReturnTheRightRows() {
        Users.superuser();
        List<Long> expected = jdbc.queryForList("select id from book order by published_on desc, id desc", Long.class);
        for (int page : new int[] {11, 12}) {
            ListPage<Book> rows = service.list(books, new ListQuery("", Map.of(), null, page));
            assertThat(rows.rows()).extracting(Book::getId).isEqualTo(expected.subList((page - 1) * 50,
                    Math.min(expected.size(), page * 50)));
        }
    }

    @Test
    void aTamperedCursorIsIgnoredNotTrusted() {
        Users.superuser();
        ListPage<Book> first = service.list(books, ListQuery.firstPage());
        for (String bad : new String[] {"not-base64!", java.util.Base64.getUrlEncoder().encodeToString(
                "a3:abc' or 1=1 --".getBytes(java.nio.charset.StandardCharsets.UTF_8))}) {
            ListPage<Book> page = service.list(books, new ListQuery("", Map.of(), null, 1, bad));
            assertThat(page.rows()).extracting(Book::getId).isEqualTo(first.rows().stream().map(Book::getId).toList());
        }
    }
}
