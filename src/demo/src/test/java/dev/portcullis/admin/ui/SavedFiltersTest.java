package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.data.internal.SavedFilters;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.BookshopKaribuTest;

/** Saved filters from the list: saved under a name, listed and applied, deleted, and each user's own only. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class SavedFiltersTest extends BookshopKaribuTest {

    @Autowired
    SavedFilters savedFilters;

    @Autowired
    AdminRegistry registry;

    private final String anna = "sf-anna-" + System.nanoTime();
    private final String ben = "sf-ben-" + System.nanoTime();

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, anna);
        bookshopWithSuperuser(600, ben);
    }

    private EntityListView open(Map<String, String> query) {
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "book"),
                QueryParameters.simple(query));
        return _get(EntityListView.class);
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    /** The entries of the open menu: each a row of the filter's button and its delete button. */
    private static List<List<Button>> entries(EntityListView view) {
        return view.savedFilterMenu.entries.getChildren().filter(row -> !(row instanceof Paragraph))
                .map(row -> row.getChildren().map(Button.class::cast).toList()).toList();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @Test
    void aFilterIsSavedAppliedAndDeletedByItsOwnerAndNoOneElseSeesIt() {
        signInAs(anna);
        EntityListView view = open(Map.of("q", "lantern", "genre", "SCIFI", "o", "title"));
        assertThat(view.savedFilterMenu.getText()).isEqualTo("Saved filters");
        _click(view.savedFilterMenu);
        assertThat(text(view.savedFilterMenu.entries)).isEqualTo("You have no saved filters for this list yet.");
        _setValue(view.savedFilterMenu.name, "Lantern sci-fi");
        _click(view.savedFilterMenu.saveCurrent);
        assertThat(entries(view)).singleElement().satisfies(row -> {
            assertThat(row.getFirst().getText()).isEqualTo("Lantern sci-fi");
            assertThat(row.getLast().getAriaLabel()).hasValue("Delete the saved filter 'Lantern sci-fi'");
        });
        assertThat(jdbc.queryForObject("select list_state from portcullis_saved_filter where username = ?",
                String.class, anna)).contains("q=lantern").contains("genre=SCIFI").contains("o=title");
        view.savedFilterMenu.dialog.close();

        // Another user: nothing of Anna's in the menu, and her id neither applies nor deletes.
        signInAs(ben);
        UI.getCurrent().navigate("");
        EntityListView bens = open(Map.of());
        _click(bens.savedFilterMenu);
        assertThat(entries(bens)).isEmpty();
        long annasId = jdbc.queryForObject("select id from portcullis_saved_filter where username = ?", Long.class,
                anna);
        var books = registry.bySlug("book").orElseThrow();
        assertThat(savedFilters.find(books, annasId)).isEmpty();
        assertThat(savedFilters.delete(books, annasId)).isFalse();
        bens.savedFilterMenu.dialog.close();

        // Anna applies it from a plain list, then deletes it.
        signInAs(anna);
        UI.getCurrent().navigate("");
        EntityListView plain = open(Map.of());
        _click(plain.savedFilterMenu);
        _click(entries(plain).getFirst().getFirst());
        assertThat(location()).startsWith("book?").contains("q=lantern").contains("genre=SCIFI").contains("o=title");
        EntityListView applied = _get(EntityListView.class);
        assertThat(applied.search.getValue()).isEqualTo("lantern");
        _click(applied.savedFilterMenu);
        _click(entries(applied).getFirst().getLast());
        assertThat(entries(applied)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from portcullis_saved_filter where username = ?",
                Integer.class, anna)).isZero();
    }

    @Test
    void aNameIsRequired() {
        signInAs(anna);
        EntityListView view = open(Map.of("q", "harbor"));
        _click(view.savedFilterMenu);
        _click(view.savedFilterMenu.saveCurrent);
        assertThat(view.savedFilterMenu.name.isInvalid()).isTrue();
        assertThat(view.savedFilterMenu.name.getErrorMessage()).isEqualTo("Enter a name.");
        assertThat(jdbc.queryForObject("select count(*) from portcullis_saved_filter where username = ?",
                Integer.class, anna)).isZero();
    }
}
