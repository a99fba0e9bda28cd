package dev.portcullis.auth;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.ui.EntityListView;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.auth.internal.AdminSession;
import dev.portcullis.auth.internal.SessionTracker;

/** Every staff user sees and ends their own sessions; a superuser sees everyone's. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class SessionListTest extends KaribuTest {

    @Autowired
    AdminUserService users;

    @Autowired
    SessionTracker sessions;

    @Autowired
    AdminUserDetailsService userDetails;

    @BeforeEach
    void sessions() {
        if (users.findByUsername("liam").isEmpty()) {
            users.createUser("liam", "correct horse battery staple", true, false, false);
            users.createUser("mona", "correct horse battery staple", true, false, false);
            users.createUser("session-root", "correct horse battery staple", true, true, false);
            sessions.touch("liam-1", (AdminPrincipal) userDetails.loadUserByUsername("liam"), "10.2.0.1", "Firefox", true);
            sessions.touch("liam-2", (AdminPrincipal) userDetails.loadUserByUsername("liam"), "10.2.0.2", "Chromium", true);
            sessions.touch("mona-1", (AdminPrincipal) userDetails.loadUserByUsername("mona"), "10.2.0.3", "Safari", true);
        }
    }

    @SuppressWarnings("unchecked")
    private List<AdminSession> rows() {
        Grid<Object> grid = _get(Grid.class);
        return java.util.stream.IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> (AdminSession) GridKt._get(grid, i)).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffSeeAndEndOnlyTheirOwnSessions() {
        signInAs("liam");
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "session"));
        assertThat(rows()).extracting(AdminSession::getUsername).containsOnly("liam").hasSize(2);
        Grid<Object> grid = _get(Grid.class);
        AdminSession phone = rows().stream().filter(s -> "10.2.0.2".equals(s.getClientAddress())).findFirst()
                .orElseThrow();
        grid.select(phone);
        _click(_get(Button.class, spec -> spec.withText("End session")));
        // The action changes data, so it asks first.
        _click(_get(Button.class, spec -> spec.withId("confirm-action")));
        assertThat(sessions.touch("liam-2", (AdminPrincipal) userDetails.loadUserByUsername("liam"), "10.2.0.2",
                "Chromium", true)).isEqualTo("ended-by");
        assertThat(sessions.touch("liam-1", (AdminPrincipal) userDetails.loadUserByUsername("liam"), "10.2.0.1",
                "Firefox", true)).isNull();
    }

    @Test
    void superusersSeeEveryonesSessions() {
        signInAs("session-root");
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "session"));
        assertThat(rows()).extracting(AdminSession::getUsername).contains("liam", "mona");
    }
}
