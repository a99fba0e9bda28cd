package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.AdminAction;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.CustomerOrder;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.testsupport.Roles;

/** Actions ask before they change data, say honestly when they changed nothing; forms save and go on, or copy. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class SafeActionsTest extends BookshopKaribuTest {

    @BeforeEach
    void data() {
        bookshopWithSuperuser(300, "safe-admin");
        if (users.findByUsername("safe-editor").isEmpty()) {
            users.createUser("safe-editor", "correct horse battery staple", true, false, false);
            Roles.role(jdbc, "safe-book-editors", "book:view", "book:change");
            Roles.grant(jdbc, "safe-editor", "safe-book-editors");
        }
        signInAs("safe-admin");
        // Other tests ship every paid order in the shared database: make sure a few are paid, and a few shipped.
        jdbc.update("update shop_order set status = 'PAID' where id in (select id from shop_order order by id"
                + " fetch first 4 rows only)");
        jdbc.update("update shop_order set status = 'SHIPPED' where id in (select id from shop_order order by id desc"
                + " fetch first 2 rows only)");
    }

    private EntityListView list(String slug, Map<String, String> filters) {
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", slug),
                QueryParameters.simple(filters));
        return _get(EntityListView.class);
    }

    private EntityFormView form(String slug, Object id) {
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", slug, "id",
                String.valueOf(id))));
        return _get(EntityFormView.class);
    }

    private static void drain(EntityListView view) {
        for (int i = 0; i < 10_000 && view.bulk.job != null; i++) {
            view.bulk.advance();
        }
        assertThat(view.bulk.job).isNull();
    }

    @Test
    void actionsAskFirstUnlessTheyOptOut() {
        AdminAction<Object> action = new AdminAction<>("touch", "Touch", "book:change", rows -> "done");
        assertThat(action.confirmation()).isTrue();
        assertThat(action.withoutConfirmation().confirmation()).isFalse();
        assertThat(action.withoutConfirmation().handler()).isSameAs(action.handler());
    }

    @Test
    void anActionNamesTheRowsItWillTouchAndCancelHasTheFocusAndChangesNothing() {
        EntityListView view = list("order", Map.of("status", "PAID"));
        List<Object> picked = view.grid.getGenericDataView().getItems().limit(3).toList();
        assertThat(picked).hasSize(3);
        picked.forEach(view.grid::select);
        _click(view.actionButtons.getFirst());

        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(dialog)).isEqualTo("Run 'Mark as shipped' on 3 orders?");
        assertThat(_find(dialog, ListItem.class)).extracting(ListItem::getText)
                .containsExactlyInAnyOrderElementsOf(picked.stream().map(EntityLabels::of).toList());
        Button cancel = _get(dialog, Button.class, spec -> spec.withId("cancel-action"));
        Button run = _get(dialog, Button.class, spec -> spec.withId("confirm-action"));
        assertThat(cancel.isAutofocus()).isTrue();
        assertThat(run.isAutofocus()).isFalse();
        _click(cancel);
        List<Long> ids = picked.stream().map(o -> ((CustomerOrder) o).getId()).toList();
        assertThat(jdbc.queryForObject("select count(*) from shop_order where status = 'PAID' and id in (?, ?, ?)",
                Long.class, ids.toArray())).isEqualTo(3);
    }

    @Test
    void anActionThatChangedNothingIsAWarningNotASuccess() {
        EntityListView view = list("order", Map.of("status", "SHIPPED"));
        view.grid.getGenericDataView().getItems().limit(2).forEach(view.grid::select);
        _click(view.actionButtons.getFirst());
        _click(_get(Button.class, spec -> spec.withId("confirm-action")));
        drain(view);
        assertThat(view.bulk.lastVariant).isEqualTo("warning");

        view = list("order", Map.of("status", "PAID"));
        view.grid.getGenericDataView().getItems().limit(1).forEach(view.grid::select);
        _click(view.actionButtons.getFirst());
        _click(_get(Button.class, spec -> spec.withId("confirm-action")));
        drain(view);
        assertThat(view.bulk.lastVariant).isEqualTo("success");
    }

    @Test
    void deleteAndDiscardDialogsGiveTheFocusToTheSafeButton() {
        Long id = jdbc.queryForObject("select min(id) from book b where not exists (select 1 from order_line l"
                + " where l.book_id = b.id)", Long.class);
        EntityFormView view = form("book", id);
        _click(view.delete);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(_get(dialog, Button.class, spec -> spec.withId("cancel-delete")).isAutofocus()).isTrue();
        dialog.close();

        title(view).setValue("Someone Else's Book");
        _click(view.cancel);
        ConfirmDialog discard = _find(ConfirmDialog.class).stream().filter(ConfirmDialog::isOpened).findFirst()
                .orElseThrow();
        assertThat(_get(discard, Button.class, spec -> spec.withId("keep-editing")).isAutofocus()).isTrue();
    }

    @Test
    void saveAndContinueEditingStaysOnTheSavedRowAndCanSaveAgain() {
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        EntityFormView view = form("book", id);
        assertThat(view.saveAndContinue.isVisible()).isTrue();
        title(view).setValue("Continued once");
        _click(view.saveAndContinue);
        view = _get(EntityFormView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("book/" + id);
        assertThat(title(view).getValue()).isEqualTo("Continued once");
        // The form now holds the saved version: a second save is not refused as stale.
        title(view).setValue("Continued twice");
        _click(view.saveAndContinue);
        assertThat(jdbc.queryForObject("select title from book where id = ?", String.class, id))
                .isEqualTo("Continued twice");

        EntityFormView add = form("author", EntityFormView.NEW);
        ((TextField) _get(add, Component.class, spec -> spec.withId("field-name"))).setValue("Fresh Continued");
        ((TextField) _get(add, Component.class, spec -> spec.withId("field-email")))
                .setValue("fresh.continued@example.org");
        _click(add.saveAndContinue);
        Long created = jdbc.queryForObject("select id from author where name = 'Fresh Continued'", Long.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("author/" + created);
    }

    @Test
    void saveAsNewCopiesTheFormIntoANewRowAndLeavesTheOriginal() {
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        String originalTitle = jdbc.queryForObject("select title from book where id = ?", String.class, id);
        EntityFormView view = form("book", id);
        assertThat(view.saveAsNew.isVisible()).isTrue();
        title(view).setValue("A copy, second edition");
        ((TextField) _get(view, Component.class, spec -> spec.withId("field-isbn"))).setValue("9999999999991");
        _click(view.saveAsNew);

        Long copy = jdbc.queryForObject("select id from book where isbn = '9999999999991'", Long.class);
        assertThat(copy).isNotEqualTo(id);
        assertThat(jdbc.queryForObject("select title from book where id = ?", String.class, copy))
                .isEqualTo("A copy, second edition");
        assertThat(jdbc.queryForObject("select title from book where id = ?", String.class, id))
                .isEqualTo(originalTitle);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("book/" + copy);
    }

    @Test
    void saveAsNewIsAnOptionOffByDefault() {
        Long author = jdbc.queryForObject("select min(id) from author", Long.class);
        assertThat(form("author", author).saveAsNew.isVisible()).isFalse();
    }

    @Test
    void saveAsNewNeedsTheAddPermissionOnTheServer() {
        signInAs("safe-editor");
        Long id = jdbc.queryForObject("select min(id) from book", Long.class);
        long before = jdbc.queryForObject("select count(*) from book", Long.class);
        EntityFormView view = form("book", id);
        assertThat(view.saveAsNew.isVisible()).isFalse();
        title(view).setValue("Smuggled copy");
        ((TextField) _get(view, Component.class, spec -> spec.withId("field-isbn"))).setValue("9999999999992");
        // The button is hidden; a forged click (the method behind it) must still be refused.
        view.saveAsNew();
        assertThat(view.problem.getText()).isEqualTo("You do not have permission to add books.");
        assertThat(jdbc.queryForObject("select count(*) from book", Long.class)).isEqualTo(before);
    }

    private static TextField title(EntityFormView view) {
        return (TextField) _get(view, Component.class, spec -> spec.withId("field-title"));
    }
}
