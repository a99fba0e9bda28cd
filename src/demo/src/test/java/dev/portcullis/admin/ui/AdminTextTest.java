package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.Genre;
import dev.portcullis.demo.shop.OrderLine;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.admin.ui.internal.DateInput;
import dev.portcullis.admin.ui.internal.InlineRows;

/** What admins read: rows by name, labels for attributes and constants, their locale, messages with the limits. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class AdminTextTest extends BookshopKaribuTest {

    @Autowired
    AdminRegistry registry;

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, "text-admin");
        signInAs("text-admin");
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
    void attributesAndConstantsReadAsLabelledOrHumanised() {
        EntityFormView view = open("book", jdbc.queryForObject("select min(id) from book", Long.class));
        assertThat(((TextField) field(view, "isbn")).getLabel()).isEqualTo("ISBN");
        assertThat(((DatePicker) field(view, "publishedOn")).getLabel()).isEqualTo("Published on");
        Select<Object> genre = field(view, "genre");
        assertThat(genre.getItemLabelGenerator().apply(Genre.SCIFI)).isEqualTo("Science fiction");
        assertThat(genre.getItemLabelGenerator().apply(Genre.CHILDREN)).isEqualTo("Children");

        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "book"),
                QueryParameters.simple(Map.of()));
        EntityListView list = _get(EntityListView.class);
        list.filterDrawer.setOpened(true);
        Select<String> filter = _get(list, Select.class, spec -> spec.withLabel("Genre"));
        assertThat(filter.getItemLabelGenerator().apply("SCIFI")).isEqualTo("Science fiction");
    }

    @Test
    void validationMessagesSpellOutTheLimits() {
        EntityFormView view = open("book", jdbc.queryForObject("select min(id) from book", Long.class));
        BigDecimalField price = field(view, "price");
        price.setValue(new BigDecimal("123456.789"));
        TextField title = field(view, "title");
        title.setValue("");
        TextField isbn = field(view, "isbn");
        isbn.setValue("12");
        _click(view.save);
        assertThat(price.getErrorMessage()).isEqualTo("At most 5 digits before and 2 after the decimal point");
        assertThat(title.getErrorMessage()).isEqualTo("Required");
        assertThat(isbn.getErrorMessage()).isEqualTo("Must be 13 digits");
    }

    @Test
    void rowsAreNamedInChoicesInlinesAndDeletePreviewsNeverByObjectToString() {
        Long orderId = jdbc.queryForObject("select min(order_id) from order_line", Long.class);
        List<String> titles = jdbc.queryForList("select b.title from order_line l join book b on b.id = l.book_id"
                + " where l.order_id = ?", String.class, orderId);
        EntityFormView view = open("order", orderId);
        InlineRows lines = _get(view, InlineRows.class);
        @SuppressWarnings("unchecked")
        ComboBox<Object> book = (ComboBox<Object>) _get(lines, ComboBox.class,
                spec -> spec.withId("inline-lines-0-book"));
        assertThat(titles).contains(book.getItemLabelGenerator().apply(book.getValue()));

        _click(view.delete);
        String preview = PrettyPrintTreeKt.toPrettyTree(_get(ConfirmDialog.class));
        assertThat(preview).doesNotContain("OrderLine@").doesNotContain("dev.portcullis");
        titles.forEach(t -> assertThat(preview).contains(t));

        OrderLine line = new OrderLine(null, 1, BigDecimal.ONE);
        assertThat(EntityLabels.of(line)).isEqualTo("Order line (new)");
    }

    @Test
    void datesAndDecimalsFollowTheUsersLocaleAndIsoIsAlwaysAccepted() {
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        jdbc.update("update book set published_on = date '2099-12-31', price = 1234.50 where id = ?", id);
        UI.getCurrent().setLocale(Locale.GERMANY);
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "book"),
                QueryParameters.simple(Map.of()));
        EntityListView list = _get(EntityListView.class);
        assertThat(GridKt._getFormatted(list.grid, 0, "publishedOn")).isEqualTo("31.12.2099");
        // The price is edited in place (listEditable): its input reads and writes decimals in the user's locale.
        BigDecimalField germanPrice = (BigDecimalField) GridKt._getCellComponent(list.grid, 0, "price");
        assertThat(germanPrice.getLocale()).isEqualTo(Locale.GERMANY);
        assertThat(germanPrice.getValue()).isEqualByComparingTo("1234.50");

        EntityFormView view = open("book", id);
        DatePicker published = field(view, "publishedOn");
        assertThat(published.getI18n().getDateFormats()).containsExactly("dd.MM.yyyy", "yyyy-MM-dd");
        assertThat(((BigDecimalField) field(view, "price")).getLocale()).isEqualTo(Locale.GERMANY);
        assertThat(published.getFallbackParser().apply("2000-01-01").getOrThrow(IllegalStateException::new))
                .isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(published.getFallbackParser().apply("31.12.2024").getOrThrow(IllegalStateException::new))
                .isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(published.getFallbackParser().apply("12/31/2024").isError()).isTrue();
        assertThat(published.getI18n().getBadInputErrorMessage())
                .isEqualTo("Geben Sie ein Datum ein, etwa 31.12.2024 oder 2024-12-31");

        UI.getCurrent().setLocale(Locale.US);
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "book"),
                QueryParameters.simple(Map.of()));
        list = _get(EntityListView.class);
        assertThat(GridKt._getFormatted(list.grid, 0, "publishedOn")).isEqualTo("12/31/2099");
        BigDecimalField usPrice = (BigDecimalField) GridKt._getCellComponent(list.grid, 0, "price");
        assertThat(usPrice.getLocale()).isEqualTo(Locale.US);
        assertThat(usPrice.getValue()).isEqualByComparingTo("1234.50");
        assertThat(DateInput.i18n(Locale.US).getBadInputErrorMessage())
                .isEqualTo("Enter a date like 12/31/2024 or 2024-12-31");
    }

    @Test
    void everyDemoEntityIsNamedByMoreThanAnId() {
        assertThat(registry.messages()).noneMatch(m -> m.id().equals("admin.W302"));
    }
}
