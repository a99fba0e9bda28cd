package dev.portcullis.admin.ui.internal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.testsupport.Roles;
import dev.portcullis.admin.ui.DashboardView;

/** Ctrl+K searches every section the user may view, and only those. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class GlobalSearchTest extends BookshopKaribuTest {

    @BeforeEach
    void data() {
        bookshopWithSuperuser(300, "search-admin");
        if (users.findByUsername("search-reader").isEmpty()) {
            users.createUser("search-reader", "correct horse battery staple", true, false, false);
            Roles.role(jdbc, "search-book-readers", "book:view");
            Roles.grant(jdbc, "search-reader", "search-book-readers");
        }
    }

    private GlobalSearch openWithCtrlK() {
        UI.getCurrent().navigate(DashboardView.class);
        ShortcutsKt.fireShortcut(Key.KEY_K, KeyModifier.CONTROL);
        return _get(GlobalSearch.class);
    }

    private static List<String> sections(GlobalSearch search) {
        return _find(search, H3.class).stream().map(H3::getText).toList();
    }

    @Test
    void ctrlKSearchesEverySectionAndLinksTheMatchesByLabel() {
        signInAs("search-admin");
        String author = jdbc.queryForObject("select name from author a where exists (select 1 from book b where"
                + " b.author_id = a.id) order by id fetch first 1 rows only", String.class);
        GlobalSearch search = openWithCtrlK();
        search.text.setValue(author);
        // The author's own row, and their books (the book search looks in the author's name too).
        assertThat(sections(search)).contains("Authors", "Books");
        assertThat(_find(search, Anchor.class)).extracting(Anchor::getText).contains(author);
        Long id = jdbc.queryForObject("select id from author where name = ?", Long.class, author);
        assertThat(_find(search, Anchor.class)).extracting(Anchor::getHref).contains("author/" + id);
        assertThat(_find(search, Anchor.class).stream().filter(a -> a.getHref().startsWith("book/")).count())
                .isBetween(1L, (long) GlobalSearch.PER_SECTION);
    }

    @Test
    void sectionsTheUserMayNotViewAreNeverSearched() {
        signInAs("search-reader");
        String author = jdbc.queryForObject("select name from author a where exists (select 1 from book b where"
                + " b.author_id = a.id) order by id fetch first 1 rows only", String.class);
        GlobalSearch search = openWithCtrlK();
        search.text.setValue(author);
        assertThat(sections(search)).containsExactly("Books");
    }

    @Test
    void oneLetterSearchesNothing() {
        signInAs("search-admin");
        GlobalSearch search = openWithCtrlK();
        search.text.setValue("a");
        assertThat(search.results.getChildren()).isEmpty();
        search.text.setValue("zzqqxxnothing");
        assertThat(search.results.getElement().getText() + _find(search.results,
                com.vaadin.flow.component.html.Paragraph.class).getFirst().getText())
                .contains("Nothing matches 'zzqqxxnothing' in the sections you can see.");
    }
}
