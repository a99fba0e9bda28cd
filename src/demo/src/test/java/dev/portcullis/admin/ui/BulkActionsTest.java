package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.Book;
import dev.portcullis.demo.shop.CustomerOrder;
import dev.portcullis.testsupport.BookshopKaribuTest;

/** Bulk delete and bulk actions from the list, in batches of two so every job spans several transactions. */
@SpringBootTest(classes = DemoApplication.class, properties = "portcullis.admin.bulk-batch-size=2")
@ActiveProfiles("test")
class BulkActionsTest extends BookshopKaribuTest {

    @BeforeEach
    void data() {
        bookshopWithSuperuser(300, "bulk-admin");
        signInAs("bulk-admin");
    }

    @Test
    void deleteSelectedListsWhatGoesWithTheRowsThenDeletesThemAllInBatches() {
        EntityListView view = open("order", Map.of());
        List<Object> picked = List.of(GridKt._get(view.grid, 0), GridKt._get(view.grid, 1), GridKt._get(view.grid, 2));
        picked.forEach(view.grid::select);
        List<Long> ids = picked.stream().map(o -> ((CustomerOrder) o).getId()).toList();
        long lines = jdbc.queryForObject("select count(*) from order_line where order_id in (?, ?, ?)", Long.class,
                ids.toArray());
        assertThat(lines).isPositive();

        _click(view.bulk.deleteSelected);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(dialog)).isEqualTo("Delete 3 orders?");
        assertThat(_get(dialog, ListItem.class).getText()).startsWith(lines == 1 ? "1 order line" : lines + " order lines");
        _click(_get(dialog, Button.class, spec -> spec.withId("confirm-bulk-delete")));
        drain(view);

        assertThat(view.bulk.lastReport).startsWith("Deleted 3 orders (ids " + ids.get(0) + ", " + ids.get(1) + ", "
                + ids.get(2) + ").");
        assertThat(jdbc.queryForObject("select count(*) from shop_order where id in (?, ?, ?)", Long.class,
                ids.toArray())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from portcullis_history where action = 'DELETE' and"
                + " entity = 'order' and object_id in (?, ?, ?)", Long.class, ids.stream().map(String::valueOf)
                .toArray())).isEqualTo(3);
    }

    @Test
    void aFailingBatchIsRolledBackAndTheReportSaysWhichRowsWereDone() {
        List<Long> free = jdbc.queryForList("select id from book b where not exists (select 1 from order_line l"
                + " where l.book_id = b.id) and b.genre = 'HISTORY' order by published_on desc, id", Long.class);
        EntityListView view = open("book", Map.of("genre", "HISTORY"));
        List<Book> firstFour = view.grid.getGenericDataView().getItems().map(Book.class::cast)
                .filter(book -> free.contains(book.getId())).limit(4).toList();
        assertThat(firstFour).hasSize(4);
        firstFour.forEach(view.grid::select);
        _click(view.bulk.deleteSelected);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(_get(dialog, com.vaadin.flow.component.html.Paragraph.class).getText())
                .isEqualTo("Nothing else will be deleted.");
        // Someone orders the fourth book between the confirmation and the work.
        Long order = jdbc.queryForObject("select min(id) from shop_order", Long.class);
        jdbc.update("insert into order_line (order_id, book_id, quantity, unit_price) values (?, ?, 1, 1.00)", order,
                firstFour.get(3).getId());
        _click(_get(dialog, Button.class, spec -> spec.withId("confirm-bulk-delete")));
        drain(view);

        Long a = firstFour.get(0).getId();
        Long b = firstFour.get(1).getId();
        Long c = firstFour.get(2).getId();
        Long d = firstFour.get(3).getId();
        assertThat(view.bulk.lastReport).startsWith("Deleted 2 books (ids " + a + ", " + b + "). Then a batch of 2"
                + " (ids " + c + ", " + d + ") failed and was rolled back, nothing in it changed:");
        assertThat(jdbc.queryForObject("select count(*) from book where id in (?, ?)", Long.class, a, b)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from book where id in (?, ?)", Long.class, c, d)).isEqualTo(2);
    }

    @Test
    void anActionRunsOnEverySelectedRow() {
        List<Long> paid = jdbc.queryForList("select id from shop_order where status = 'PAID'", Long.class);
        assertThat(paid.size()).isGreaterThan(2);
        EntityListView view = open("order", Map.of("status", "PAID"));
        view.grid.getGenericDataView().getItems().forEach(view.grid::select);
        _click(view.actionButtons.getFirst());
        _click(_get(Button.class, spec -> spec.withId("confirm-action")));
        drain(view);
        assertThat(jdbc.queryForObject("select count(*) from shop_order where status = 'PAID'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from portcullis_history where action = 'CHANGE' and"
                + " entity = 'order' and detail = ?", Long.class, "by the action 'Mark as shipped'"))
                .isGreaterThanOrEqualTo(paid.size());
    }

    @Test
    void deletingAllMatchingTakesEveryPageOfTheFilterAndNothingElse() {
        String range = "published_on between date '1950-01-01' and date '1985-12-31'";
        jdbc.update("delete from order_line where book_id in (select id from book where " + range + ")");
        long matching = jdbc.queryForObject("select count(*) from book where " + range, Long.class);
        long others = jdbc.queryForObject("select count(*) from book where not (" + range + ")", Long.class);
        assertThat(matching).isGreaterThan(50);
        EntityListView view = open("book", Map.of("publishedOn_from", "1950-01-01", "publishedOn_to", "1985-12-31"));
        assertThat(view.bulk.selectAllMatching.isVisible()).isFalse();
        view.grid.getGenericDataView().getItems().forEach(view.grid::select);
        assertThat(view.bulk.selectAllMatching.isVisible()).isTrue();
        _click(view.bulk.selectAllMatching);
        assertThat(view.bulk.selection.getText()).isEqualTo("All " + matching + " books matching are selected.");

        _click(view.bulk.deleteSelected);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(dialog)).isEqualTo("Delete all " + matching + " books matching?");
        _click(_get(dialog, Button.class, spec -> spec.withId("confirm-bulk-delete")));
        drain(view);

        assertThat(view.bulk.lastReport).startsWith("Deleted " + matching + " books in ");
        assertThat(jdbc.queryForObject("select count(*) from book where " + range, Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from book where not (" + range + ")", Long.class))
                .isEqualTo(others);
    }

    private EntityListView open(String slug, Map<String, String> filters) {
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", slug),
                QueryParameters.simple(filters));
        return _get(EntityListView.class);
    }

    private static void drain(EntityListView view) {
        for (int i = 0; i < 10_000 && view.bulk.job != null; i++) {
            view.bulk.advance();
        }
        assertThat(view.bulk.job).isNull();
    }
}
