package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.data.SaveRejectedException;
import dev.portcullis.admin.data.internal.ListEdits;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.Book;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.testsupport.Roles;

/**
 * Django's list_editable: the book list edits price and stock in place; one "Save changes" saves every edited row or
 * none, each with the form's checks and history; the change permission is enforced on the server; problems are
 * reported by row and what was typed stays on screen.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class ListEditingTest extends BookshopKaribuTest {

    private static final AtomicLong RUN = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    ListEdits listEdits;

    @Autowired
    AdminRegistry registry;

    /** A word only this test's three books have in their titles, so the list shows exactly them. */
    private String tag;
    private List<Long> ids;

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, "edit-admin");
        if (users.findByUsername("edit-viewer").isEmpty()) {
            users.createUser("edit-viewer", "correct horse battery staple", true, false, false);
            Roles.role(jdbc, "edit-book-viewers", "book:view");
            Roles.grant(jdbc, "edit-viewer", "edit-book-viewers");
        }
        long run = RUN.incrementAndGet();
        tag = "Inplace" + run;
        for (String letter : List.of("A", "B", "C")) {
            jdbc.update("insert into book (version, title, isbn, author_id, genre, published_on, price, in_stock)"
                    + " values (0, ?, ?, (select min(id) from author), 'FICTION', date '2001-02-03', 10.00, false)",
                    tag + " " + letter, String.format("9%09d%s", run % 1_000_000_000L, "00" + "ABC".indexOf(letter)));
        }
        ids = jdbc.queryForList("select id from book where title like ? order by title", Long.class, tag + " %");
        signInAs("edit-admin");
    }

    private EntityListView open() {
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "book"),
                QueryParameters.simple(Map.of("q", tag, "o", "title")));
        EntityListView view = _get(EntityListView.class);
        assertThat(GridKt._size(view.grid)).isEqualTo(3);
        return view;
    }

    private BigDecimalField price(EntityListView view, int row) {
        return (BigDecimalField) GridKt._getCellComponent(view.grid, row, "price");
    }

    private Checkbox stock(EntityListView view, int row) {
        return (Checkbox) GridKt._getCellComponent(view.grid, row, "inStock");
    }

    private BigDecimal storedPrice(int row) {
        return jdbc.queryForObject("select price from book where id = ?", BigDecimal.class, ids.get(row));
    }

    private int changes(int row) {
        return jdbc.queryForObject("select count(*) from portcullis_history where entity = 'book' and action = 'CHANGE'"
                + " and object_id = ?", Integer.class, String.valueOf(ids.get(row)));
    }

    private static List<String> problems(EntityListView view) {
        return view.editor.problems.getChildren().flatMap(c -> c.getChildren()).filter(ListItem.class::isInstance)
                .map(c -> ((ListItem) c).getText()).toList();
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
    }

    @Test
    void editedRowsAreSavedTogetherWithTheirHistory() {
        EntityListView view = open();
        assertThat(view.editor).isNotNull();
        assertThat(view.editor.save.getText()).isEqualTo("Save changes");
        assertThat(price(view, 0).getAriaLabel()).hasValue("Price of " + tag + " A");
        _setValue(price(view, 0), new BigDecimal("12.34"));
        _setValue(stock(view, 1), true);

        _click(view.editor.save);

        assertThat(storedPrice(0)).isEqualByComparingTo("12.34");
        assertThat(jdbc.queryForObject("select in_stock from book where id = ?", Boolean.class, ids.get(1))).isTrue();
        assertThat(storedPrice(2)).isEqualByComparingTo("10.00");
        assertThat(changes(0)).isEqualTo(1);
        assertThat(changes(1)).isEqualTo(1);
        assertThat(changes(2)).isZero();
        assertThat(notifications()).contains("Saved the changes to 2 rows.");
        // The page was read again: the inputs show what is stored, with nothing left to save.
        EntityListView again = _get(EntityListView.class);
        assertThat(price(again, 0).getValue()).isEqualByComparingTo("12.34");
        assertThat(again.editor.problems.isVisible()).isFalse();
    }

    @Test
    void aUserWhoMayOnlyViewGetsNoInputsAndTheServerRefusesTheirSave() {
        // While the page was open the editor lost the change permission: the save is refused on the server.
        EntityListView view = open();
        _setValue(price(view, 0), new BigDecimal("77.00"));
        signInAs("edit-viewer");
        _click(view.editor.save);
        assertThat(storedPrice(0)).isEqualByComparingTo("10.00");
        assertThat(problems(view)).containsExactly("You may not change books. Nothing was saved.");
        assertThat(price(view, 0).getValue()).isEqualByComparingTo("77.00");
        assertThat(changes(0)).isZero();

        // Opened by the viewer: plain cells, no inputs, no Save; and a save sent anyway is refused before anything.
        UI.getCurrent().navigate("");
        EntityListView viewer = open();
        assertThat(viewer.editor).isNull();
        assertThat(GridKt._getFormatted(viewer.grid, 0, "price")).isEqualTo("10.00");
        @SuppressWarnings("unchecked")
        AdminModel<Book> books = (AdminModel<Book>) registry.bySlug("book").orElseThrow();
        Book row = (Book) GridKt._get(viewer.grid, 0);
        row.setPrice(new BigDecimal("1.00"));
        assertThatThrownBy(() -> listEdits.saveAll(books, List.of(row))).isInstanceOf(AccessDeniedException.class);
        assertThat(storedPrice(0)).isEqualByComparingTo("10.00");
    }

    @Test
    void anInvalidValueKeepsEverythingTypedAndSavesNothing() {
        EntityListView view = open();
        _setValue(price(view, 0), new BigDecimal("-5"));
        _setValue(price(view, 1), new BigDecimal("11.00"));
        _click(view.editor.save);
        assertThat(problems(view)).containsExactly(tag + " A: correct the marked values.");
        assertThat(price(view, 0).isInvalid()).isTrue();
        assertThat(price(view, 0).getValue()).isEqualByComparingTo("-5");
        assertThat(price(view, 1).getValue()).isEqualByComparingTo("11.00");
        assertThat(storedPrice(0)).isEqualByComparingTo("10.00");
        assertThat(storedPrice(1)).isEqualByComparingTo("10.00");

        // Corrected, the same page saves both rows.
        _setValue(price(view, 0), new BigDecimal("5.00"));
        _click(view.editor.save);
        assertThat(storedPrice(0)).isEqualByComparingTo("5.00");
        assertThat(storedPrice(1)).isEqualByComparingTo("11.00");
    }

    @Test
    void theServerValidatesEveryRowAndReportsEachAtItsField() {
        @SuppressWarnings("unchecked")
        AdminModel<Book> books = (AdminModel<Book>) registry.bySlug("book").orElseThrow();
        EntityListView view = open();
        Book first = (Book) GridKt._get(view.grid, 0);
        Book second = (Book) GridKt._get(view.grid, 1);
        first.setPrice(new BigDecimal("123456.78"));
        second.setPrice(new BigDecimal("-1.00"));
        Map<Object, SaveRejectedException> problems = listEdits.saveAll(books, List.of(first, second));
        assertThat(problems).containsOnlyKeys(ids.get(0), ids.get(1));
        assertThat(problems.get(ids.get(0)).fieldProblems()).containsKey("price");
        assertThat(problems.get(ids.get(0)).fieldProblems().get("price")).doesNotContain("numeric value");
        assertThat(storedPrice(0)).isEqualByComparingTo("10.00");
        assertThat(storedPrice(1)).isEqualByComparingTo("10.00");
    }

    @Test
    void aRowSomeoneElseChangedIsReportedByNameAndNoRowIsSaved() {
        EntityListView view = open();
        _setValue(price(view, 0), new BigDecimal("20.00"));
        _setValue(price(view, 1), new BigDecimal("21.00"));
        // Someone else saves the first book meanwhile.
        jdbc.update("update book set version = version + 1, price = 15.00 where id = ?", ids.get(0));

        _click(view.editor.save);

        assertThat(problems(view)).singleElement().asString().startsWith(tag + " A: Someone else changed this book"
                + " after you opened it.");
        assertThat(storedPrice(0)).isEqualByComparingTo("15.00");
        assertThat(storedPrice(1)).isEqualByComparingTo("10.00");
        assertThat(price(view, 0).getValue()).isEqualByComparingTo("20.00");
        assertThat(price(view, 1).getValue()).isEqualByComparingTo("21.00");
        assertThat(notifications()).contains("Nothing was saved. Correct these rows and save again; your changes are"
                + " still on screen.");
        assertThat(changes(1)).isZero();
    }

    @Test
    void nothingTypedIsNothingToSave() {
        EntityListView view = open();
        _click(view.editor.save);
        assertThat(notifications()).contains("No changes to save.");
        assertThat(NotificationsKt.getNotifications()).extracting(Notification::isOpened).contains(true);
    }
}
