package dev.portcullis.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.model.internal.ValueLabels;
import dev.portcullis.admin.ui.internal.AccessDeniedView;
import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.admin.ui.EntityFormView;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.Genre;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.audit.internal.HistoryEntry;
import dev.portcullis.audit.internal.ObjectHistoryView;

/** The history a person sees: the form's History link, the per-row history, and recent actions on the dashboard. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class HistoryViewsTest extends BookshopKaribuTest {

    long bookId;

    @BeforeEach
    void data() {
        bookshopWithSuperuser(200, "history-admin");
        if (users.findByUsername("history-clerk").isEmpty()) {
            users.createUser("history-clerk", "correct horse battery staple", true, false, false);
        }
        bookId = jdbc.queryForObject("select min(id) from book", Long.class);
    }

    @Test
    void anEditShowsUpInTheRowsHistoryWithItsOldAndNewValue() {
        signInAs("history-admin");
        String oldTitle = jdbc.queryForObject("select title from book where id = ?", String.class, bookId);
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "book", "id",
                String.valueOf(bookId))));
        Component form = _get(EntityFormView.class);
        ((TextField) _get(form, Component.class, spec -> spec.withId("field-title"))).setValue("The viewed lantern");
        _click(_get(form, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("save")));

        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "book", "id",
                String.valueOf(bookId))));
        Anchor link = _get(Anchor.class, spec -> spec.withId("history"));
        assertThat(link.getHref()).isEqualTo("book/" + bookId + "/history");
        UI.getCurrent().navigate(link.getHref());

        ObjectHistoryView view = _get(ObjectHistoryView.class);
        assertThat(view.title.getText()).isEqualTo("History of book 'The viewed lantern'");
        HistoryEntry newest = GridKt._get(view.grid, 0);
        assertThat(newest.username()).isEqualTo("history-admin");
        assertThat(ObjectHistoryView.what(newest)).isEqualTo("title: '" + oldTitle + "' → 'The viewed lantern'");
    }

    @Test
    void theHistoryOfARowNeedsViewPermissionOnIt() {
        signInAs("history-clerk");
        UI.getCurrent().navigate("book/" + bookId + "/history");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    void theDashboardShowsEveryonesRecentActionsToSuperusersAndOnlyTheirOwnToOthers() {
        signInAs("history-admin");
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "book", "id",
                String.valueOf(bookId))));
        Component form = _get(EntityFormView.class);
        ((TextField) _get(form, Component.class, spec -> spec.withId("field-title"))).setValue("The dashboard lantern");
        _click(_get(form, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("save")));

        UI.getCurrent().navigate(DashboardView.class);
        Div panel = _get(Div.class, spec -> spec.withId("recent-actions"));
        assertThat(_get(panel, H3.class).getText()).isEqualTo("Recent actions (everyone)");
        Anchor first = _get(panel, Anchor.class, spec -> spec.withText("book 'The dashboard lantern'"));
        assertThat(first.getHref()).isEqualTo("book/" + bookId);

        signInAs("history-clerk");
        UI.getCurrent().navigate("book/" + bookId + "/history");
        UI.getCurrent().navigate(DashboardView.class);
        Div own = _get(Div.class, spec -> spec.withId("recent-actions"));
        assertThat(_get(own, H3.class).getText()).isEqualTo("Your recent actions");
        assertThat(own.getElement().getText() + own.getElement().getOuterHTML()).doesNotContain("dashboard lantern");
    }

    @Test
    void theHistoryNamesAttributesAndValuesByTheirLabelsAndASaveThatChangedNothingRecordsNothing() {
        signInAs("history-admin");
        Long id = jdbc.queryForObject("select min(id) from book where genre <> 'SCIFI'", Long.class);
        String before = ValueLabels.of(Genre.valueOf(jdbc.queryForObject("select genre from book where id = ?",
                String.class, id)));
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "book", "id",
                String.valueOf(id))));
        Component form = _get(EntityFormView.class);
        @SuppressWarnings("unchecked")
        Select<Object> genre = (Select<Object>) _get(form, Component.class, spec -> spec.withId("field-genre"));
        genre.setValue(Genre.SCIFI);
        _click(_get(form, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("save")));
        long entries = jdbc.queryForObject("select count(*) from portcullis_history", Long.class);

        UI.getCurrent().navigate("book/" + id + "/history");
        ObjectHistoryView view = _get(ObjectHistoryView.class);
        HistoryEntry newest = GridKt._get(view.grid, 0);
        assertThat(GridKt._getFormatted(view.grid, 0, "changes"))
                .isEqualTo("Genre: '" + before + "' → 'Science fiction'");
        assertThat(newest.changes()).singleElement().satisfies(change -> assertThat(change.field()).isEqualTo("genre"));
        assertThat(view.title.getText()).doesNotContain("@").startsWith("History of book '");

        UI.getCurrent().navigate(DashboardView.class);
        Div panel = _get(Div.class, spec -> spec.withId("recent-actions"));
        assertThat(panel.getElement().getTextRecursively()).contains("(Genre)").doesNotContain("(genre)");

        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "book", "id",
                String.valueOf(id))));
        _click(_get(_get(EntityFormView.class), com.vaadin.flow.component.button.Button.class,
                spec -> spec.withId("save")));
        assertThat(jdbc.queryForObject("select count(*) from portcullis_history", Long.class)).isEqualTo(entries);
    }
}
