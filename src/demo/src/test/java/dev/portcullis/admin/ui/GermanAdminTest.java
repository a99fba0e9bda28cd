package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.ui.internal.DateInput;
import dev.portcullis.admin.ui.internal.ThemeToggle;
import dev.portcullis.audit.internal.ObjectHistoryView;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.Genre;
import dev.portcullis.demo.shop.OrderLine;
import dev.portcullis.testsupport.BookshopKaribuTest;

/**
 * A German admin reads German: the framework's sentences from its bundles, the bookshop's words (entities,
 * attributes, genres) from the demo's {@code portcullis-labels_de.properties}, dates as Germans write them.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class GermanAdminTest extends BookshopKaribuTest {

    long bookId;
    String bookTitle;

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, "german-admin");
        signInAs("german-admin");
        UI.getCurrent().setLocale(Locale.GERMAN);
        bookId = jdbc.queryForObject("select min(id) from book where genre <> 'SCIFI'", Long.class);
        bookTitle = jdbc.queryForObject("select title from book where id = ?", String.class, bookId);
    }

    private static EntityFormView open(String slug, Object id) {
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", slug, "id", String.valueOf(id))));
        return _get(EntityFormView.class);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Component> C field(Component view, String path) {
        return (C) _get(view, Component.class, spec -> spec.withId("field-" + path));
    }

    @Test
    void theFormSpeaksGermanWithTheHostsGermanWords() {
        EntityFormView view = open("book", bookId);
        assertThat(view.title.getText()).isEqualTo("Buch ändern: " + bookTitle);
        assertThat(view.save.getText()).isEqualTo("Speichern");
        assertThat(view.saveAndContinue.getText()).isEqualTo("Speichern und weiter bearbeiten");
        assertThat(view.cancel.getText()).isEqualTo("Zurück zur Liste");
        assertThat(view.history.getText()).isEqualTo("Verlauf");
        assertThat(((DatePicker) field(view, "publishedOn")).getLabel()).isEqualTo("Erschienen am");
        assertThat(((TextField) field(view, "isbn")).getLabel()).isEqualTo("ISBN");
        assertThat(((TextField) field(view, "title")).getLabel()).isEqualTo("Titel");
        Select<Object> genre = field(view, "genre");
        assertThat(genre.getLabel()).isEqualTo("Genre");
        assertThat(genre.getItemLabelGenerator().apply(Genre.SCIFI)).isEqualTo("Science-Fiction");
        assertThat(genre.getItemLabelGenerator().apply(Genre.CHILDREN)).isEqualTo("Kinderbuch");
        assertThat(_get(view, Anchor.class, spec -> spec.withClasses("pc-breadcrumb")).getText()).isEqualTo("Bücher");

        assertThat(open("book", EntityFormView.NEW).title.getText()).isEqualTo("Buch hinzufügen");
        assertThat(EntityLabels.of(new OrderLine(null, 1, BigDecimal.ONE))).isEqualTo("Bestellposition (neu)");
    }

    @Test
    void validationMessagesSpellOutTheLimitsInGerman() {
        EntityFormView view = open("book", bookId);
        BigDecimalField price = field(view, "price");
        price.setValue(new BigDecimal("123456.789"));
        TextField title = field(view, "title");
        title.setValue("");
        _click(view.save);
        assertThat(price.getErrorMessage()).isEqualTo("Höchstens 5 Stellen vor und 2 nach dem Komma");
        assertThat(title.getErrorMessage()).isEqualTo("Pflichtfeld");
        assertThat(view.problem.getText()).isEqualTo("Bitte korrigieren Sie die markierten Fehler.");
    }

    @Test
    void theDeleteConfirmationAsksInGermanAndNamesWhatGoesWithIt() {
        EntityFormView book = open("book", bookId);
        _click(book.delete);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(dialog.getElement().getProperty("header")).isEqualTo("Buch „" + bookTitle + "“ löschen?");
        Button cancel = _get(Button.class, spec -> spec.withId("cancel-delete"));
        assertThat(cancel.getText()).isEqualTo("Abbrechen");
        assertThat(_get(Button.class, spec -> spec.withId("confirm-delete")).getText()).isEqualTo("Löschen");
        _click(cancel);

        Long orderId = jdbc.queryForObject("select min(order_id) from order_line", Long.class);
        long lines = jdbc.queryForObject("select count(*) from order_line where order_id = ?", Long.class, orderId);
        EntityFormView order = open("order", orderId);
        _click(order.delete);
        ConfirmDialog orderDialog = _get(ConfirmDialog.class);
        assertThat(orderDialog.getElement().getProperty("header")).startsWith("Bestellung „").endsWith("“ löschen?");
        String preview = PrettyPrintTreeKt.toPrettyTree(orderDialog);
        assertThat(preview).contains("Mit gelöscht wird:")
                .contains(lines + (lines == 1 ? " Bestellposition" : " Bestellpositionen"));
    }

    @Test
    void datePickersNameMonthsAndDaysInGermanAndStartTheWeekOnMonday() {
        DatePicker published = field(open("book", bookId), "publishedOn");
        DatePicker.DatePickerI18n i18n = published.getI18n();
        assertThat(i18n.getMonthNames()).hasSize(12).startsWith("Januar", "Februar", "März").endsWith("Dezember");
        assertThat(i18n.getWeekdays()).hasSize(7).startsWith("Sonntag", "Montag");
        assertThat(i18n.getWeekdaysShort()).startsWith("So", "Mo");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(i18n.getToday()).isEqualTo("Heute");
        assertThat(i18n.getCancel()).isEqualTo("Abbrechen");
        assertThat(i18n.getDateFormats()).containsExactly("dd.MM.yyyy", "yyyy-MM-dd");
        assertThat(i18n.getBadInputErrorMessage()).isEqualTo("Geben Sie ein Datum ein, etwa 31.12.2024 oder 2024-12-31");

        com.vaadin.flow.component.datetimepicker.DateTimePicker joined = field(open("customer",
                jdbc.queryForObject("select min(id) from customer", Long.class)), "joinedAt");
        assertThat(joined.getLabel()).isEqualTo("Kunde seit (UTC)");
        assertThat(joined.getDatePickerI18n().getMonthNames()).startsWith("Januar");
        assertThat(joined.getI18n().getTimeLabel()).isEqualTo("Uhrzeit");

        DatePicker.DatePickerI18n english = DateInput.i18n(Locale.US);
        assertThat(english.getMonthNames()).startsWith("January");
        assertThat(english.getToday()).isEqualTo("Today");
        assertThat(english.getFirstDayOfWeek()).isZero();
        assertThat(english.getDateFormats()).containsExactly("M/d/yyyy", "yyyy-MM-dd");
        assertThat(DateInput.timeI18n(Locale.GERMAN).getBadInputErrorMessage())
                .isEqualTo("Geben Sie eine Uhrzeit ein, etwa 14:30");
    }

    @Test
    void theDashboardGreetsAndCountsInGerman() {
        UI.getCurrent().navigate(DashboardView.class);
        DashboardView dashboard = _get(DashboardView.class);
        assertThat(_get(dashboard, H1.class).getText()).startsWith("Willkommen, ");
        assertThat(_find(dashboard, H2.class).stream().map(H2::getText).toList()).contains("Daten", "Aktivität");
        assertThat(dashboard.getElement().getTextRecursively()).contains(" Bücher");
        Div recent = _get(Div.class, spec -> spec.withId("recent-actions"));
        assertThat(_get(recent, H3.class).getText()).isEqualTo("Letzte Aktionen (alle)");
        assertThat(dashboard.getPageTitle()).contains("Startseite");
    }

    @Test
    void theHistorySaysWhatChangedInGerman() {
        EntityFormView view = open("book", bookId);
        ((TextField) field(view, "title")).setValue("Die deutsche Laterne");
        _click(view.save);

        UI.getCurrent().navigate("book/" + bookId + "/history");
        ObjectHistoryView history = _get(ObjectHistoryView.class);
        assertThat(history.title.getText()).isEqualTo("Verlauf: Buch „Die deutsche Laterne“");
        assertThat(history.grid.getColumns().stream().map(c -> c.getHeaderText()).toList())
                .startsWith("Zeitpunkt", "Benutzer", "Aktion", "Änderungen");
        assertThat(GridKt._getFormatted(history.grid, 0, "changes"))
                .isEqualTo("Titel: „" + bookTitle + "“ → „Die deutsche Laterne“");
        assertThat(history.getPageTitle()).contains("Verlauf");

        UI.getCurrent().navigate(DashboardView.class);
        Div recent = _get(Div.class, spec -> spec.withId("recent-actions"));
        assertThat(recent.getElement().getTextRecursively()).contains("german-admin – Geändert: Buch „Die deutsche Laterne“")
                .contains("(Titel)");
    }

    @Test
    void aRefusalAndANumberFieldSpeakGerman() {
        EntityFormView order = open("order-line", jdbc.queryForObject("select min(id) from order_line", Long.class));
        com.vaadin.flow.component.textfield.IntegerField quantity = field(order, "quantity");
        assertThat(quantity.getI18n().getBadInputErrorMessage()).isEqualTo("Geben Sie eine ganze Zahl ein");
        assertThat(((BigDecimalField) field(order, "unitPrice")).getI18n().getBadInputErrorMessage())
                .isEqualTo("Geben Sie eine Zahl ein");

        if (users.findByUsername("german-clerk").isEmpty()) {
            users.createUser("german-clerk", "correct horse battery staple", true, false, false);
        }
        signInAs("german-clerk");
        UI.getCurrent().navigate("book/" + bookId + "/history");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(dev.portcullis.admin.ui.internal.AccessDeniedView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Dafür haben Sie keine Berechtigung");
    }

    @Test
    void theThemeMenuAndTheErrorPagesSpeakGerman() {
        MenuBar bar = new MenuBar();
        ThemeToggle toggle = new ThemeToggle();
        toggle.addTo(bar.addItem("german-admin").getSubMenu(), bar);
        assertThat(List.of(toggle.items.get(ThemeToggle.Choice.SYSTEM).getText(),
                toggle.items.get(ThemeToggle.Choice.LIGHT).getText(), toggle.items.get(ThemeToggle.Choice.DARK).getText()))
                .containsExactly("Wie das System", "Helles Design", "Dunkles Design");

        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "no-such-section",
                "id", "1")));
        NotFoundView notFound = _get(NotFoundView.class);
        assertThat(_get(notFound, H1.class).getText()).isEqualTo("Nicht gefunden");
        assertThat(notFound.getElement().getTextRecursively())
                .contains("Einen Bereich „no-such-section“ gibt es hier nicht.");
    }
}
