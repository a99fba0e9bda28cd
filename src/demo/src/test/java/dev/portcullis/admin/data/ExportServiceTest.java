package dev.portcullis.admin.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
import dev.portcullis.demo.shop.Book;
import dev.portcullis.testsupport.Bookshop;
import dev.portcullis.testsupport.Users;
import dev.portcullis.admin.data.internal.CsvExport;

/** CSV export through the data layer: the list's rows, a limit, its own permission, and a record of it. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class ExportServiceTest {

    @Autowired
    AdminEntityService service;

    @Autowired
    AdminRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookshopGenerator generator;

    AdminModel<Book> books;

    @BeforeEach
    void setUp() {
        Bookshop.ensure(jdbc, generator, 300);
        books = registry.byClass(Book.class).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        Users.signOut();
    }

    @Test
    void exportsTheFilteredListInItsOrderWithAHeaderAndBom() {
        Users.signInWith("exporter", "book:view", "book:export");
        ListQuery scifi = new ListQuery("", Map.of("genre", "SCIFI"), null, 1);
        String csv = export(scifi, 1_000, true);
        List<String> lines = csv.lines().toList();
        assertThat(csv).startsWith("\uFEFF");
        assertThat(lines.getFirst()).isEqualTo("\uFEFFTitle,Author,Genre,Published on,Price,In stock");
        List<String> expected = jdbc.queryForList("select title from book where genre = 'SCIFI'"
                + " order by published_on desc, id", String.class);
        assertThat(lines).hasSize(expected.size() + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains(",Science fiction,"));
        assertThat(lines.get(1)).startsWith(expected.getFirst() + ",");

        var entry = jdbc.queryForMap("select username, action, entity, object_label, detail from portcullis_history"
                + " where id = (select max(id) from portcullis_history)");
        assertThat(entry).containsEntry("username", "exporter").containsEntry("action", "EXPORT")
                .containsEntry("entity", "book").containsEntry("object_label", expected.size() + " books");
        assertThat((String) entry.get("detail")).isEqualTo("CSV, Genre: Science fiction");
    }

    @Test
    void theRowLimitStopsTheExportAndIsRecorded() {
        Users.superuser();
        String csv = export(ListQuery.firstPage(), 7, false);
        assertThat(csv).doesNotStartWith("\uFEFF");
        assertThat(csv.lines()).hasSize(8);
        assertThat(jdbc.queryForObject("select detail from portcullis_history where id = (select max(id) from"
                + " portcullis_history)", String.class)).isEqualTo("CSV, all rows; stopped at the limit of 7 rows");
    }

    @Test
    void aWholeTableStreamsOutInOrder() {
        Users.superuser();
        List<String> expected = jdbc.queryForList("select isbn from book order by published_on desc, id desc",
                String.class);
        assertThat(expected.size()).isGreaterThan(150);
        List<String> lines = export(ListQuery.firstPage(), 1_000_000, false).lines().toList();
        assertThat(lines).hasSize(expected.size() + 1);
        List<Long> ids = jdbc.queryForList("select id from book order by published_on desc, id desc", Long.class);
        assertThat(lines.get(lines.size() - 1)).startsWith(jdbc.queryForObject("select title from book where id = ?",
                String.class, ids.getLast()) + ",");
    }

    @Test
    void viewingDoesNotImplyExporting() {
        Users.signInWith("reader", "book:view", "book:change");
        long before = jdbc.queryForObject("select count(*) from portcullis_history", Long.class);
        assertThatThrownBy(() -> export(ListQuery.firstPage(), 10, false)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from portcullis_history", Long.class)).isEqualTo(before);
    }

    @Test
    void cellsReadAsInTheListInTheReadersLocaleAndRawValuesStayAnOption() {
        Users.superuser();
        Long id = jdbc.queryForObject("select id from book where genre = 'SCIFI' order by published_on desc, id limit 1",
                Long.class);
        jdbc.update("update book set price = 1234.50, published_on = date '2024-12-31' where id = ?", id);
        ListQuery scifi = new ListQuery("", Map.of("genre", "SCIFI"), null, 1);
        String author = jdbc.queryForObject("select a.name from book b join author a on a.id = b.author_id"
                + " where b.id = ?", String.class, id);
        String title = jdbc.queryForObject("select title from book where id = ?", String.class, id);

        List<String> german = export(scifi, 1_000, new CsvExport.Options(1_000, false, true, false, Locale.GERMANY));
        assertThat(german.getFirst()).isEqualTo("Title;Author;Genre;Published on;Price;In stock");
        // Values in the reader's language too: the demo's German genre label, "Ja"/"Nein".
        assertThat(german).contains(title + ";" + author + ";Science-Fiction;31.12.2024;1234,50;"
                + (jdbc.queryForObject("select in_stock from book where id = ?", Boolean.class, id) ? "Ja" : "Nein"));

        List<String> american = export(scifi, 1_000, new CsvExport.Options(1_000, false, true, false, Locale.US));
        assertThat(american).anySatisfy(line -> assertThat(line).startsWith(title + "," + author
                + ",Science fiction,12/31/2024,1234.50,"));

        List<String> raw = export(scifi, 1_000, new CsvExport.Options(1_000, false, true, true, Locale.GERMANY));
        assertThat(raw.getFirst()).isEqualTo("title,author,genre,publishedOn,price,inStock");
        Long authorId = jdbc.queryForObject("select author_id from book where id = ?", Long.class, id);
        assertThat(raw).anySatisfy(line -> assertThat(line).startsWith(title + "," + authorId
                + ",SCIFI,2024-12-31,1234.50,"));
        assertThat(String.join("\n", german) + String.join("\n", american)).doesNotContain("@");
    }

    private String export(ListQuery query, int limit, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(service, books, query, out, new CsvExport.Options(limit, bom, true, false, Locale.US));
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> export(ListQuery query, int limit, CsvExport.Options options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(service, books, query, out, options);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
