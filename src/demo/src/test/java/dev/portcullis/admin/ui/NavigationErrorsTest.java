package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.admin.ui.internal.NavigationErrorView;

/** What a reader sees when URL state is out of range or a view fails to open: plain words, never an exception. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class NavigationErrorsTest extends BookshopKaribuTest {

    @BeforeEach
    void data() {
        bookshopWithSuperuser(60, "nav-admin");
        signInAs("nav-admin");
    }

    @Test
    void aPageNumberPastAnyListIsAnsweredWithANoticeAndTheFirstPage() {
        // 42949674 * 50 overflows an int into a negative offset: "First result cannot be negative".
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "book"),
                QueryParameters.simple(Map.of(EntityListView.PAGE, "42949674")));

        NotificationsKt.expectNotifications("There is no page with that number. Showing the first page.");
        EntityListView view = _get(EntityListView.class);
        assertThat(view.query.page()).isEqualTo(1);
        assertThat(_find(NavigationErrorView.class)).isEmpty();
    }

    @Test
    void hugeAndNegativePageNumbersNeverReachTheDatabaseAsAnOffset() {
        for (String page : new String[] {"2147483647", "99999999999999999999", "-2147483648", "1000000"}) {
            UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "book"),
                    QueryParameters.simple(Map.of(EntityListView.PAGE, page)));
            assertThat(_find(NavigationErrorView.class)).as(page).isEmpty();
            assertThat(_get(EntityListView.class).query.page()).as(page).isBetween(1, 1_000_000);
        }
    }

    @Test
    void aViewThatFailsToOpenShowsAPlainMessageAndNoExceptionText() {
        RouteConfiguration.forSessionScope().setRoute("test-failing-view", FailingView.class);

        UI.getCurrent().navigate("test-failing-view");

        NavigationErrorView error = _get(NavigationErrorView.class);
        assertThat(error.getElement().getTextRecursively()).contains(NavigationErrorView.TITLE)
                .doesNotContain("First result", "negative", "exception", "Exception", "test-failing-view");
        assertThat(_get(Paragraph.class).getText()).isEqualTo(NavigationErrorView.MESSAGE);
    }

    /** A view whose opening fails the way a data-layer error would. */
    @jakarta.annotation.security.PermitAll
    public static class FailingView extends Div implements BeforeEnterObserver {

        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            throw new IllegalArgumentException("First result cannot be negative");
        }
    }
}
