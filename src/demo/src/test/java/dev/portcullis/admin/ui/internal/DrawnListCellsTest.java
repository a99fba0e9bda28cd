package dev.portcullis.admin.ui.internal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;

import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.BookshopKaribuTest;

/**
 * The editable cells the browser draws (Edit in the list without a server-side input per cell): what the template
 * is given for a row, and a value typed in the browser going through the row's input and binder, made on first
 * change; text that is no number is kept as typed, marked, and keeps the save from happening.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class DrawnListCellsTest extends BookshopKaribuTest {

    private static final AtomicLong RUN = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    AdminRegistry registry;

    private String tag;
    private List<Long> ids;

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, "drawn-admin");
        long run = RUN.incrementAndGet();
        tag = "Drawn" + run;
        for (String letter : List.of("A", "B")) {
            jdbc.update("insert into book (version, title, isbn, author_id, genre, published_on, price, in_stock)"
                    + " values (0, ?, ?, (select min(id) from author), 'FICTION', date '2001-02-03', 10.00, false)",
                    tag + " " + letter, String.format("8%09d%s", run % 1_000_000_000L, "00" + "AB".indexOf(letter)));
        }
        ids = jdbc.queryForList("select id from book where title like ? order by title", Long.class, tag + " %");
        signInAs("drawn-admin");
    }

    @SuppressWarnings("unchecked")
    @Test
    void aValueTypedInTheBrowserGoesThroughTheRowsInputAndIsSaved() {
        UI.getCurrent().navigate("book", QueryParameters.simple(Map.of("q", tag, "o", "title")));
        Grid<Object> grid = _get(Grid.class);
        ListEditor<Object> editor = _get(ListEditor.class);
        AdminModel<?> books = registry.bySlug("book").orElseThrow();
        AdminField price = books.field("price").orElseThrow();
        AdminField stock = books.field("inStock").orElseThrow();
        ListEditor.DrawnInput priceCells = (ListEditor.DrawnInput) grid.getColumnByKey("price").getRenderer();
        ListEditor.DrawnInput stockCells = (ListEditor.DrawnInput) grid.getColumnByKey("inStock").getRenderer();
        Object first = GridKt._get(grid, 0);
        Object second = GridKt._get(grid, 1);
        assertThat(priceCells.property("v", first)).isEqualTo("10.00");
        assertThat(priceCells.property("l", first)).isEqualTo("Price of " + tag + " A");
        assertThat(priceCells.property("i", first)).isEqualTo(false);
        assertThat(stockCells.property("v", second)).isEqualTo(false);

        editor.typed(first, price, " 12.5 ");
        editor.typed(second, stock, true);
        editor.typed(second, price, "twelve");
        assertThat(priceCells.property("v", first)).isEqualTo("12.5");
        assertThat(stockCells.property("v", second)).isEqualTo(true);
        assertThat(priceCells.property("v", second)).isEqualTo("twelve");
        assertThat(priceCells.property("i", second)).isEqualTo(true);
        assertThat(priceCells.property("e", second)).isEqualTo("Enter a number");

        _click(editor.save);
        assertThat(price(0)).isEqualByComparingTo("10.00");
        assertThat(priceCells.property("v", first)).as("what was typed stays").isEqualTo("12.5");

        editor.typed(second, price, "3.25");
        assertThat(priceCells.property("i", second)).isEqualTo(false);
        _click(editor.save);
        assertThat(price(0)).isEqualByComparingTo("12.50");
        assertThat(price(1)).isEqualByComparingTo("3.25");
        assertThat(jdbc.queryForObject("select in_stock from book where id = ?", Boolean.class, ids.get(1))).isTrue();
    }

    private BigDecimal price(int row) {
        return jdbc.queryForObject("select price from book where id = ?", BigDecimal.class, ids.get(row));
    }
}
