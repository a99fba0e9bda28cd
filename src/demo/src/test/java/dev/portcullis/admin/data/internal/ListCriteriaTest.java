package dev.portcullis.admin.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.data.BookshopGenerator;
import dev.portcullis.demo.shop.Author;
import dev.portcullis.demo.shop.Book;
import dev.portcullis.testsupport.Bookshop;
import dev.portcullis.testsupport.Users;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListQuery;

/** A list's URL state read once into {@link ListCriteria}, and the page and count computed from that one value. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class ListCriteriaTest {

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

    @BeforeEach
    void setUp() {
        Bookshop.ensure(jdbc, generator, 600);
        books = registry.byClass(Book.class).orElseThrow();
        authors = registry.byClass(Author.class).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        Users.signOut();
    }

    @Test
    void pageAndCountFromOneCriteriaAgreeWithTheQueryForm() {
        Users.superuser();
        ListQuery query = new ListQuery("e", Map.of("genre", "SCIFI"), null, 1);
        ListCriteria criteria = service.criteria(books, query);
        assertThat(service.list(books, criteria).rows()).extracting(Book::getId)
                .isEqualTo(service.list(books, query).rows().stream().map(Book::getId).toList());
        assertThat(service.count(books, criteria)).isEqualTo(service.count(books, query));
        assertThat(service.count(books, criteria).value()).isPositive();
    }

    @Test
    void aSearchAcrossARelationIsLookedUpOncePerListState() {
        Users.superuser();
        Long authorId = jdbc.queryForObject("select author_id from book order by id fetch first 1 rows only", Long.class);
        String name = jdbc.queryForObject("select name from author where id = ?", String.class, authorId);
        long written = jdbc.queryForObject("select count(*) from book where author_id = ?", Long.class, authorId);
        try {
            jdbc.update("update author set name = 'Qqzx Criteria' where id = ?", authorId);
            ListCriteria criteria = service.criteria(books, new ListQuery("qqzx", Map.of(), null, 1));
            jdbc.update("update author set name = 'Renamed Meanwhile' where id = ?", authorId);

            // The related ids were looked up when the criteria were read; page and count do not look them up again.
            assertThat(service.count(books, criteria).value()).isEqualTo(written);
            assertThat(service.list(books, criteria).rows()).isNotEmpty()
                    .allSatisfy(book -> assertThat(book.getAuthor().getId()).isEqualTo(authorId));
            assertThat(service.count(books, new ListQuery("qqzx", Map.of(), null, 1)).value()).isZero();
        } finally {
            jdbc.update("update author set name = ? where id = ?", name, authorId);
        }
    }

    @Test
    void filterValuesThatDoNotParseAreReportedOnceAndIgnored() {
        Users.superuser();
        ListCriteria criteria = service.criteria(books, new ListQuery("", Map.of("inStock", "maybe"), null, 1));
        assertThat(criteria.problems()).hasSize(1).first().asString().contains("'maybe' is not a valid value");
        assertThat(service.count(books, criteria)).isEqualTo(service.count(books, ListQuery.firstPage()));
    }

    @Test
    void everyEntryPointChecksViewPermissionEvenWithCriteriaReadByAnotherUser() {
        Users.superuser();
        ListCriteria criteria = service.criteria(books, ListQuery.firstPage());
        Users.signInWith("clerk");
        assertThatThrownBy(() -> service.criteria(books, ListQuery.firstPage()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.list(books, criteria)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.count(books, criteria)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void criteriaReadForOneEntityAreRefusedForAnother() {
        Users.superuser();
        ListCriteria criteria = service.criteria(books, ListQuery.firstPage());
        assertThatThrownBy(() -> service.list(authors, criteria)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.count(authors, criteria)).isInstanceOf(IllegalArgumentException.class);
    }
}
