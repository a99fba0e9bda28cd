package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.Book;
import dev.portcullis.demo.shop.Genre;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.admin.ui.internal.AccessDeniedView;

@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class EntityListViewTest extends BookshopKaribuTest {

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, "list-admin");
        if (users.findByUsername("list-nobody").isEmpty()) {
            users.createUser("list-nobody", "correct horse battery staple", true, false, false);
        }
    }

    private EntityListView open(String slug, Map<String, String> query) {
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", slug), QueryParameters.simple(query));
        return _get(EntityListView.class);
    }

    private static Map<String, List<String>> location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters();
    }

    @SuppressWarnings("unchecked")
    private static List<Book> rows(EntityListView view) {
        Grid<Object> grid = view.grid;
        return java.util.stream.IntStream.range(0, _size(grid)).mapToObj(i -> (Book) _get(grid, i)).toList();
    }

    @Test
    void listShowsTheFirstPageNewestFirstWithACount() {
        signInAs("list-admin");
        EntityListView view = open("book", Map.of());
        assertThat(view.title.getText()).isEqualTo("Books");
        long total = jdbc.queryForObject("select count(*) from book", Long.class);
        assertThat(view.count.getText()).isEqualTo(total + " books");
        assertThat(rows(view)).hasSize(50).extracting(Book::getPublishedOn)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(view.grid.getColumns()).extracting(Grid.Column::getKey)
                .containsExactly("title", "author", "genre", "publishedOn", "price", "inStock");
        assertThat(view.previous.isEnabled()).isFalse();
        assertThat(view.next.isEnabled()).isTrue();
        assertThat(view.pageLabel.getText()).isEqualTo("Page 1 of " + (total + 49) / 50);
        assertThat(view.add.isVisible()).isTrue();
    }

    @Test
    void sortSearchFilterAndPageLiveInTheUrl() {
        signInAs("list-admin");
        EntityListView view = open("book", Map.of("o", "title", "p", "2"));
        List<String> expected = jdbc.queryForList("select title from book order by title, id offset 50 rows fetch next"
                + " 50 rows only", String.class);
        assertThat(rows(view)).extracting(Book::getTitle).isEqualTo(expected);
        assertThat(view.grid.getSortOrder()).singleElement().satisfies(o -> assertThat(o.getSorted().getKey())
                .isEqualTo("title"));

        _click(view.next);
        // the next page is sought from the last row shown (keyset pagination): its cursor travels in the URL
        assertThat(location()).containsEntry("o", List.of("title")).containsEntry("p", List.of("3"))
                .containsKey("k");
        List<String> third = jdbc.queryForList("select title from book order by title, published_on desc, id"
                + " offset 100 rows fetch next 50 rows only", String.class);
        assertThat(rows(_get(EntityListView.class))).extracting(Book::getTitle).isEqualTo(third);

        view.search.setValue("lantern");
        view = open("book", Map.of("q", "lantern"));
        assertThat(view.search.getValue()).isEqualTo("lantern");
        assertThat(rows(view)).isNotEmpty().allSatisfy(b ->
                assertThat(b.getTitle() + " " + b.getAuthor().getName()).containsIgnoringCase("lantern"));

        view = open("book", Map.of("genre", "MYSTERY"));
        assertThat(view.search.getValue()).isEmpty();
        @SuppressWarnings("unchecked")
        Select<String> genre = (Select<String>) view.filterFields.get("genre");
        assertThat(genre.getValue()).isEqualTo("MYSTERY");
        assertThat(rows(view)).isNotEmpty().allSatisfy(b -> assertThat(b.getGenre()).isEqualTo(Genre.MYSTERY));
    }

    @Test
    void changingAFilterNavigatesSoTheBackButtonWorks() {
        signInAs("list-admin");
        EntityListView view = open("book", Map.of());
        assertThat(view.filterFields).as("made when the filters are first opened").isEmpty();
        view.filterDrawer.setOpened(true);
        @SuppressWarnings("unchecked")
        Select<String> inStock = (Select<String>) view.filterFields.get("inStock");
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(inStock, "true");
        assertThat(location()).isEqualTo(Map.of("inStock", List.of("true")));
        assertThat(rows(_get(EntityListView.class))).allSatisfy(b -> assertThat(b.isInStock()).isTrue());
    }

    @Test
    void aStaffUserWithoutPermissionGetsAccessDenied() {
        signInAs("list-nobody");
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "book"));
        _get(AccessDeniedView.class);
        assertThat(_get(MainLayout.class).entries()).containsExactly("Dashboard");
    }

    @Test
    void unknownSectionsAreNotFound() {
        signInAs("list-admin");
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "no-such-thing"));
        _get(NotFoundView.class);
    }

    @Test
    void superusersSeeEveryEntityInTheNavigation() {
        signInAs("list-admin");
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(MainLayout.class).entries())
                .containsExactly("Dashboard", "Books", "Authors", "Customers", "Orders", "Order lines", "Users", "Roles",
                        "Sign-in locks", "Sessions", "Intrusion attempts", "Intrusions by address", "Honeypot blocks",
                        "Security audit");
        assertThatThrownBy(() -> _get(EntityListView.class)).isInstanceOf(AssertionError.class);
    }
}
