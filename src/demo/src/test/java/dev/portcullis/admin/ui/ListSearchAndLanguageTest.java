package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.CustomerOrder;
import dev.portcullis.testsupport.BookshopKaribuTest;

/** The order reference is searchable as shown ("ORD-000062"); the list speaks German to a German user. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class ListSearchAndLanguageTest extends BookshopKaribuTest {

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, "lang-admin");
        signInAs("lang-admin");
    }

    private EntityListView open(String slug, Map<String, String> query) {
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", slug), QueryParameters.simple(query));
        return _get(EntityListView.class);
    }

    @Test
    void theOrderReferenceAsShownFindsItsOrder() {
        long id = jdbc.queryForObject("select min(id) from shop_order", Long.class);
        String reference = String.format("ORD-%06d", id);
        EntityListView view = open("order", Map.of("q", reference));
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(((CustomerOrder) GridKt._get(view.grid, 0)).getId()).isEqualTo(id);
        assertThat(GridKt._getFormatted(view.grid, 0, "reference")).isEqualTo(reference);
        // Lower case and without the zeros too; a reference of no order finds nothing.
        assertThat(GridKt._size(open("order", Map.of("q", "ord-" + id)).grid)).isEqualTo(1);
        assertThat(GridKt._size(open("order", Map.of("q", "ORD-999999999")).grid)).isZero();
        // The searched fields still search, and the help names the reference among them.
        String customer = jdbc.queryForObject("select c.name from shop_order o join customer c on c.id = o.customer_id"
                + " where o.id = ?", String.class, id);
        EntityListView byName = open("order", Map.of("q", customer));
        assertThat(GridKt._size(byName.grid)).isPositive();
        assertThat(byName.search.getHelperText()).isEqualTo("Searches customer name, customer email, note and"
                + " reference.");
        assertThat(byName.search.isVisible()).isTrue();
        // A reference and a name together: every term must match a field or the reference.
        assertThat(GridKt._size(open("order", Map.of("q", reference + " " + customer.split(" ")[0])).grid))
                .isEqualTo(1);
    }

    @Test
    void theListSpeaksGermanToAGermanUser() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        long total = jdbc.queryForObject("select count(*) from book", Long.class);
        EntityListView view = open("book", Map.of());
        // The demo's German labels (portcullis-labels_de) inside the framework's German sentences, read per request.
        assertThat(view.search.getPlaceholder()).isEqualTo("Bücher durchsuchen");
        assertThat(view.search.getHelperText()).isEqualTo("Sucht in Titel und Name (Autor).");
        assertThat(view.grid.getColumns().stream().map(c -> c.getHeaderText()).toList()).contains("Titel", "Autor");
        assertThat(view.filterDrawer.getSummaryText()).isEqualTo("Filter");
        assertThat(view.first.getText()).isEqualTo("Erste");
        assertThat(view.previous.getText()).isEqualTo("Zurück");
        assertThat(view.next.getText()).isEqualTo("Weiter");
        assertThat(view.last.getText()).isEqualTo("Letzte");
        assertThat(view.pageLabel.getText()).isEqualTo("Seite 1 von " + (total + 49) / 50);
        assertThat(view.count.getText()).startsWith(String.format(Locale.GERMAN, "%,d", total) + " ");
        assertThat(view.export.getText()).isEqualTo("CSV exportieren");
        assertThat(view.exportBom.getLabel()).isEqualTo("Mit BOM, für Excel");
        assertThat(view.savedFilterMenu.getText()).isEqualTo("Gespeicherte Filter");
        assertThat(view.editor.save.getText()).isEqualTo("Änderungen speichern");
        assertThat(view.bulk.deleteSelected.getText()).isEqualTo("Auswahl löschen");
        _click(view.savedFilterMenu);
        assertThat(view.savedFilterMenu.saveCurrent.getText()).isEqualTo("Speichern");
        view.savedFilterMenu.dialog.close();

        EntityListView filtered = open("book", Map.of("genre", "HISTORY", "publishedOn_from", "2020-01-01",
                "publishedOn_to", "2020-12-31"));
        assertThat(filtered.filterDrawer.getSummaryText()).isEqualTo("Filter (2 aktiv)");
        String dates = ((Html) filtered.dateBar.getComponentAt(0)).getInnerHtml();
        assertThat(dates).contains("‹ Alle Daten").contains(">Januar<").contains(">Dezember<");

        EntityListView none = open("book", Map.of("q", "zzqqxx-nothing"));
        assertThat(none.empty.getText()).startsWith("Keine passenden ");
    }

    @Test
    void englishStaysAsItWas() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        EntityListView none = open("book", Map.of("q", "zzqqxx-nothing"));
        assertThat(none.empty.getText()).isEqualTo("No books match.");
        assertThat(none.search.getPlaceholder()).isEqualTo("Search books");
        assertThat(none.add.getText()).isEqualTo("Add book");
        assertThat(none.count.getText()).isEqualTo("0 books");
    }
}
