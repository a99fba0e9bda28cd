package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.Author;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.admin.ui.internal.InlineRows;

@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class EntityFormViewTest extends BookshopKaribuTest {

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, "form-admin");
        signInAs("form-admin");
    }

    private EntityFormView open(String slug, Object id) {
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", slug, "id", String.valueOf(id))));
        return _get(EntityFormView.class);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Component> C field(EntityFormView view, String path) {
        return (C) _get(view, Component.class, spec -> spec.withId("field-" + path));
    }

    @Test
    void fieldsFollowTheAttributeTypes() {
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        EntityFormView view = open("book", id);
        assertThat((Component) field(view, "title")).isInstanceOf(TextField.class);
        assertThat((Component) field(view, "author")).isInstanceOf(ComboBox.class);
        assertThat((Component) field(view, "genre")).isInstanceOf(Select.class);
        assertThat((Component) field(view, "publishedOn")).isInstanceOf(DatePicker.class);
        assertThat((Component) field(view, "price")).isInstanceOf(BigDecimalField.class);
        assertThat((Component) field(view, "inStock")).isInstanceOf(Checkbox.class);
        TextField title = field(view, "title");
        assertThat(title.getValue()).isEqualTo(jdbc.queryForObject("select title from book where id = ?", String.class, id));
        assertThat(title.isRequiredIndicatorVisible()).isTrue();
        ComboBox<Object> author = field(view, "author");
        assertThat(author.getValue()).isInstanceOf(Author.class);

        Long orderId = jdbc.queryForObject("select min(order_id) from order_line", Long.class);
        EntityFormView order = open("order", orderId);
        assertThat((Component) field(order, "placedAt")).isInstanceOf(DateTimePicker.class);
        assertThat((Component) field(order, "note")).isInstanceOf(TextArea.class);
        assertThat(_get(order, InlineRows.class).getId()).hasValue("inline-lines");
    }

    @Test
    void validationMessagesAppearAtTheFieldAndNothingIsSaved() {
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        String before = jdbc.queryForObject("select title from book where id = ?", String.class, id);
        EntityFormView view = open("book", id);
        TextField title = field(view, "title");
        TextField isbn = field(view, "isbn");
        title.setValue("");
        isbn.setValue("12ab");
        _click(view.save);
        assertThat(title.isInvalid()).isTrue();
        assertThat(isbn.isInvalid()).isTrue();
        assertThat(isbn.getErrorMessage()).isEqualTo("Must be 13 digits");
        assertThat(view.problem.getText()).isEqualTo("Please correct the errors below.");
        assertThat(jdbc.queryForObject("select title from book where id = ?", String.class, id)).isEqualTo(before);
        _get(EntityFormView.class);
    }

    @Test
    void savingChangesReturnsToTheList() {
        Long id = jdbc.queryForObject("select max(id) from book", Long.class);
        EntityFormView view = open("book", id);
        TextField title = field(view, "title");
        title.setValue("The saved signal");
        BigDecimalField price = field(view, "price");
        price.setValue(new BigDecimal("12.34"));
        _click(view.save);
        _get(EntityListView.class);
        assertThat(jdbc.queryForMap("select title, price from book where id = ?", id))
                .containsEntry("TITLE", "The saved signal").containsEntry("PRICE", new BigDecimal("12.34"));
    }

    @Test
    void addingANewRowWithSaveAndAddAnother() {
        EntityFormView view = open("author", EntityFormView.NEW);
        TextField name = field(view, "name");
        name.setValue("Nora Quill");
        TextField country = field(view, "country");
        country.setValue("NO");
        _click(view.saveAndAddAnother);
        EntityFormView again = _get(EntityFormView.class);
        assertThat(again.isNew).isTrue();
        assertThat(((TextField) field(again, "name")).getValue()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from author where name = 'Nora Quill' and country = 'NO'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void aStaleSaveIsRefusedAndTheInputStays() {
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        EntityFormView view = open("book", id);
        jdbc.update("update book set title = 'Changed elsewhere', version = version + 1 where id = ?", id);
        TextField title = field(view, "title");
        title.setValue("My version of the title");
        _click(view.save);
        assertThat(view.problem.getText()).startsWith("Someone else changed this book after you opened it.");
        assertThat(title.getValue()).isEqualTo("My version of the title");
        assertThat(jdbc.queryForObject("select title from book where id = ?", String.class, id))
                .isEqualTo("Changed elsewhere");
    }

    @Test
    void aDuplicateUniqueValueBecomesAReadableMessage() {
        var ids = jdbc.queryForList("select id from book order by id fetch first 2 rows only", Long.class);
        String taken = jdbc.queryForObject("select isbn from book where id = ?", String.class, ids.get(0));
        EntityFormView view = open("book", ids.get(1));
        TextField isbn = field(view, "isbn");
        isbn.setValue(taken);
        _click(view.save);
        assertThat(view.problem.getText()).isEqualTo("Another book already has this isbn. Choose a different one.");
        assertThat(isbn.getValue()).isEqualTo(taken);
    }

    @Test
    void deleteAsksFirstAndListsWhatGoesWithIt() {
        Long orderId = jdbc.queryForObject("select max(order_id) from order_line", Long.class);
        long lines = jdbc.queryForObject("select count(*) from order_line where order_id = ?", Long.class, orderId);
        EntityFormView view = open("order", orderId);
        _click(view.delete);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(dialog.getElement().getProperty("header")).isEqualTo("Delete order 'Order #" + orderId + "'?");
        assertThat(com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt.toPrettyTree(dialog))
                .contains(lines == 1 ? "1 order line " : lines + " order lines");
        assertThat(jdbc.queryForObject("select count(*) from shop_order where id = ?", Long.class, orderId)).isEqualTo(1);
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("confirm-delete")));
        _get(EntityListView.class);
        assertThat(jdbc.queryForObject("select count(*) from shop_order where id = ?", Long.class, orderId)).isZero();
    }

    @Test
    void aDeleteThatIsBlockedSaysWhy() {
        Long authorId = jdbc.queryForObject("select author_id from book order by id fetch first 1 rows only", Long.class);
        EntityFormView view = open("author", authorId);
        _click(view.delete);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt.toPrettyTree(dialog))
                .contains("cannot be deleted while these refer to it").contains("books");
        ConfirmDialogKt._fireConfirm(dialog);
        assertThat(jdbc.queryForObject("select count(*) from author where id = ?", Long.class, authorId)).isEqualTo(1);
    }

    @Test
    void leavingWithUnsavedChangesAsksFirst() {
        Long id = jdbc.queryForObject("select min(id) from author", Long.class);
        EntityFormView view = open("author", id);
        TextField name = field(view, "name");
        name.setValue("Someone Else Entirely");
        UI.getCurrent().navigate(DashboardView.class);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(dialog.getElement().getProperty("header")).isEqualTo("Discard unsaved changes?");
        _get(EntityFormView.class);
        ConfirmDialogKt._fireConfirm(dialog);
        _get(DashboardView.class);
    }

    @Test
    void datesArePickedWithADatePicker() {
        EntityFormView view = open("book", jdbc.queryForObject("select min(id) from book", Long.class));
        DatePicker published = field(view, "publishedOn");
        published.setValue(LocalDate.of(1999, 12, 31));
        _click(view.save);
        assertThat(jdbc.queryForObject("select count(*) from book where published_on = date '1999-12-31'", Long.class))
                .isPositive();
    }
}
