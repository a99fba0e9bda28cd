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

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.CellFocusEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.Book;
import dev.portcullis.testsupport.BookshopKaribuTest;

import tools.jackson.databind.node.JsonNodeFactory;

/** The list reads well: widths from content, the whole page of rows, page numbers, help, dashes, Enter, phones. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class ListReadabilityTest extends BookshopKaribuTest {

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, "read-admin");
        signInAs("read-admin");
    }

    private EntityListView open(String slug, Map<String, String> query) {
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", slug), QueryParameters.simple(query));
        return _get(EntityListView.class);
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    @Test
    void textColumnsTakeTheRoomAndNumbersDatesAndYesNoKeepWhatTheyNeed() {
        EntityListView view = open("book", Map.of());
        for (String text : List.of("title", "author")) {
            assertThat(view.grid.getColumnByKey(text).getFlexGrow()).as(text).isEqualTo(1);
            assertThat(view.grid.getColumnByKey(text).isAutoWidth()).as(text).isFalse();
            assertThat(view.grid.getColumnByKey(text).getWidth()).as(text).isEqualTo(EntityListView.TEXT_MIN_WIDTH);
        }
        for (String narrow : List.of("genre", "publishedOn", "price", "inStock")) {
            assertThat(view.grid.getColumnByKey(narrow).getFlexGrow()).as(narrow).isZero();
            assertThat(view.grid.getColumnByKey(narrow).isAutoWidth()).as(narrow).isTrue();
        }
        assertThat(view.grid.getColumnByKey("price").getTextAlign())
                .isEqualTo(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        // The page of rows is shown whole: the page scrolls, not a box of 8 rows inside it.
        assertThat(view.grid.isAllRowsVisible()).isTrue();
    }

    @Test
    void pagesHaveNumbersAndFirstAndLast() {
        long total = jdbc.queryForObject("select count(*) from book", Long.class);
        long pages = (total + 49) / 50;
        assertThat(pages).isGreaterThan(5);
        EntityListView view = open("book", Map.of());
        assertThat(view.first.isEnabled()).isFalse();
        assertThat(view.last.isEnabled()).isTrue();
        assertThat(numbers(view)).containsExactly("1", "2", "3");

        _click(view.last);
        view = _get(EntityListView.class);
        assertThat(location()).isEqualTo("book?p=" + pages);
        assertThat(view.pageLabel.getText()).isEqualTo("Page " + pages + " of " + pages);
        assertThat(view.last.isEnabled()).isFalse();
        assertThat(view.next.isEnabled()).isFalse();
        assertThat(numbers(view)).containsExactly(String.valueOf(pages - 2), String.valueOf(pages - 1),
                String.valueOf(pages));
        assertThat(GridKt._size(view.grid)).isEqualTo((int) (total - (pages - 1) * 50));

        _click(view.pageNumbers.getChildren().map(Button.class::cast)
                .filter(b -> b.getText().equals(String.valueOf(pages - 2))).findFirst().orElseThrow());
        EntityListView jumped = _get(EntityListView.class);
        assertThat(location()).isEqualTo("book?p=" + (pages - 2));
        Button current = jumped.pageNumbers.getChildren().map(Button.class::cast)
                .filter(b -> b.getText().equals(String.valueOf(pages - 2))).findFirst().orElseThrow();
        assertThat(current.getElement().getAttribute("aria-current")).isEqualTo("page");
        List<String> expected = jdbc.queryForList("select title from book order by published_on desc, id desc offset ?"
                + " rows fetch next 50 rows only", String.class, (pages - 3) * 50);
        assertThat(java.util.stream.IntStream.range(0, GridKt._size(jumped.grid))
                .mapToObj(i -> ((Book) GridKt._get(jumped.grid, i)).getTitle()).toList()).isEqualTo(expected);

        _click(jumped.first);
        assertThat(location()).isEqualTo("book");
    }

    @Test
    void theSearchBoxSaysWhichFieldsItSearches() {
        assertThat(open("book", Map.of()).search.getHelperText()).isEqualTo("Searches title and author name.");
        assertThat(open("author", Map.of()).search.getHelperText()).isEqualTo("Searches name and email.");
    }

    @Test
    void anEmptyValueShowsAsADash() {
        jdbc.update("insert into author (name, email, country) select 'Nowhere Nobody', 'nowhere@example.org', null"
                + " where not exists (select 1 from author where name = 'Nowhere Nobody')");
        EntityListView view = open("author", Map.of("q", "Nowhere Nobody"));
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(view.grid, 0, "country")).isEqualTo("—");
        assertThat(GridKt._getFormatted(view.grid, 0, "name")).isEqualTo("Nowhere Nobody");
    }

    @Test
    void enterOpensTheRowThatHasTheFocus() {
        EntityListView view = open("book", Map.of());
        Book second = (Book) GridKt._get(view.grid, 1);
        String key = view.grid.getDataCommunicator().getKeyMapper().key(second);
        ComponentUtil.fireEvent(view.grid, new CellFocusEvent<>(view.grid, true, key, null, "body"));
        ElementUtilsKt._fireDomEvent(view.grid.getElement(), new DomEvent(view.grid.getElement(), "keydown",
                JsonNodeFactory.instance.objectNode().put(EntityListView.ENTER_ON_ROW, true)));
        assertThat(location()).isEqualTo("book/" + second.getId());

        // Enter on the header (no row) opens nothing.
        EntityListView again = open("book", Map.of());
        ComponentUtil.fireEvent(again.grid, new CellFocusEvent<>(again.grid, true, null, null, "header"));
        ElementUtilsKt._fireDomEvent(again.grid.getElement(), new DomEvent(again.grid.getElement(), "keydown",
                JsonNodeFactory.instance.objectNode().put(EntityListView.ENTER_ON_ROW, true)));
        assertThat(location()).isEqualTo("book");
    }

    @Test
    void aPhoneKeepsTheFirstColumnsAndFoldsTheFilters() {
        EntityListView view = open("book", Map.of());
        view.narrow(390);
        assertThat(view.narrowed).isTrue();
        assertThat(view.filterDrawer.isOpened()).isFalse();
        assertThat(view.grid.getColumns().stream().filter(c -> c.getKey() != null && c.isVisible())
                .map(Grid.Column::getKey)).containsExactly("title", "author");
        assertThat(view.getClassNames()).contains("pc-narrow");

        view.narrow(1280);
        // Folded on a desktop too until asked for: the fields are made when the drawer first opens (heap per session).
        assertThat(view.filterDrawer.isOpened()).isFalse();
        assertThat(view.filterDrawer.getSummaryText()).isEqualTo("Filters");
        assertThat(view.filterFields).as("made on first need").isEmpty();
        view.filterDrawer.setOpened(true);
        assertThat(view.filterFields).containsKeys("genre", "inStock");
        assertThat(view.grid.getColumns().stream().filter(c -> c.getKey() != null && c.isVisible())
                .map(Grid.Column::getKey)).containsExactly("title", "author", "genre", "publishedOn", "price",
                        "inStock");

        // A filter in use stays in sight on a phone.
        EntityListView filtered = open("book", Map.of("genre", "HISTORY"));
        filtered.narrow(390);
        assertThat(filtered.filterDrawer.isOpened()).isTrue();
        assertThat(filtered.filterDrawer.getSummaryText()).isEqualTo("Filters (1 in use)");
        filtered.narrow(1280);
        assertThat(filtered.filterDrawer.isOpened()).isTrue();
    }

    @Test
    void dateHierarchyDrillsFromYearToMonthToDay() {
        java.time.LocalDate newest = jdbc.queryForObject("select max(published_on) from book", java.time.LocalDate.class);
        java.time.LocalDate oldest = jdbc.queryForObject("select min(published_on) from book", java.time.LocalDate.class);
        EntityListView view = open("book", Map.of());
        assertThat(view.dateBar.isVisible()).isTrue();
        List<String> years = texts(view.dateBar);
        assertThat(years.getFirst()).isEqualTo(String.valueOf(newest.getYear()));
        assertThat(years.getLast()).isEqualTo(String.valueOf(Math.max(oldest.getYear(),
                newest.getYear() - EntityListView.MAX_YEARS + 1)));

        click(view.dateBar, String.valueOf(newest.getYear()));
        view = _get(EntityListView.class);
        assertThat(location()).contains("publishedOn_from=" + newest.getYear() + "-01-01")
                .contains("publishedOn_to=" + newest.getYear() + "-12-31");
        assertThat(rows(view)).isNotEmpty().allSatisfy(b -> assertThat(b.getPublishedOn().getYear())
                .isEqualTo(newest.getYear()));
        assertThat(texts(view.dateBar)).hasSize(13).startsWith("‹ All dates", "January");

        String month = newest.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        click(view.dateBar, month);
        view = _get(EntityListView.class);
        assertThat(rows(view)).isNotEmpty().allSatisfy(b -> assertThat(b.getPublishedOn().getMonth())
                .isEqualTo(newest.getMonth()));
        assertThat(texts(view.dateBar)).hasSize(1 + newest.lengthOfMonth()).startsWith("‹ " + newest.getYear());

        click(view.dateBar, String.valueOf(newest.getDayOfMonth()));
        view = _get(EntityListView.class);
        long thatDay = jdbc.queryForObject("select count(*) from book where published_on = ?", Long.class, newest);
        assertThat(rows(view)).hasSize((int) Math.min(50, thatDay))
                .allSatisfy(b -> assertThat(b.getPublishedOn()).isEqualTo(newest));
        assertThat(texts(view.dateBar).getFirst()).isEqualTo("‹ " + month + " " + newest.getYear());

        click(view.dateBar, "‹ " + month + " " + newest.getYear());
        click(_get(EntityListView.class).dateBar, "‹ " + newest.getYear());
        click(_get(EntityListView.class).dateBar, "‹ All dates");
        assertThat(location()).isEqualTo("book");
        // Entities without the option have no drill-down.
        assertThat(open("author", Map.of()).dateBar.isVisible()).isFalse();
    }

    /** The date bar is one element of plain links (a button per year cost ~170 KB of every session). */
    private static List<String> texts(com.vaadin.flow.component.HasComponents bar) {
        return links(bar).stream().map(org.jsoup.nodes.Element::text).toList();
    }

    /** Follows the link as the browser's router-link does: to its href, relative to the application. */
    private static void click(com.vaadin.flow.component.HasComponents bar, String text) {
        org.jsoup.nodes.Element link = links(bar).stream().filter(a -> a.text().equals(text)).findFirst()
                .orElseThrow();
        assertThat(link.tagName()).isEqualTo("a");
        assertThat(link.hasAttr("router-link")).isTrue();
        com.vaadin.flow.router.Location target = new com.vaadin.flow.router.Location(link.attr("href"));
        com.vaadin.flow.component.UI.getCurrent().navigate(target.getPath(), target.getQueryParameters());
    }

    private static List<org.jsoup.nodes.Element> links(com.vaadin.flow.component.HasComponents bar) {
        String html = ((com.vaadin.flow.component.Component) bar).getChildren()
                .map(c -> ((com.vaadin.flow.component.Html) c).getInnerHtml()).findFirst().orElse("");
        return org.jsoup.Jsoup.parseBodyFragment(html).body().select("a, span");
    }

    @SuppressWarnings("unchecked")
    private static List<Book> rows(EntityListView view) {
        return java.util.stream.IntStream.range(0, GridKt._size(view.grid)).mapToObj(i -> (Book) GridKt._get(view.grid, i))
                .toList();
    }

    private static List<String> numbers(EntityListView view) {
        return view.pageNumbers.getChildren().map(c -> ((Button) c).getText()).toList();
    }
}
