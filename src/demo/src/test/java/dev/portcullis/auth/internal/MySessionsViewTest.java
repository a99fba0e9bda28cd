package dev.portcullis.auth.internal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.server.VaadinSession;

import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminUserDetailsService;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;

/**
 * "My sessions" lists the signed-in user's own sessions only, even for a superuser, who sees everyone's in the
 * Sessions list; ending one works for the user's own sessions only.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class MySessionsViewTest extends KaribuTest {

    @Autowired
    AdminUserService users;

    @Autowired
    SessionTracker sessions;

    @Autowired
    AdminUserDetailsService userDetails;

    private AdminPrincipal principal(String name) {
        return (AdminPrincipal) userDetails.loadUserByUsername(name);
    }

    @BeforeEach
    void sessionsOfSeveralUsers() {
        if (users.findByUsername("mine-root").isEmpty()) {
            users.createUser("mine-root", "correct horse battery staple", true, true, false);
            users.createUser("mine-nora", "correct horse battery staple", true, false, false);
            sessions.touch("mine-root-laptop", principal("mine-root"), "10.3.0.1", "Firefox", true);
            sessions.touch("mine-root-phone", principal("mine-root"), "10.3.0.2", "Mobile Safari", true);
            sessions.touch("mine-nora-1", principal("mine-nora"), "10.3.0.3", "Chromium", true);
            sessions.signedOut("mine-root-laptop");
        }
    }

    private List<AdminSession> rows(MySessionsView view) {
        Grid<AdminSession> grid = view.grid;
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    @Test
    void aSuperuserSeesOnlyTheirOwnSessionsThereAndEndsOnlyTheirOwn() {
        signInAs("mine-root");
        long rootId = principal("mine-root").getUserId();
        long noraSession = sessions.openSessions(principal("mine-nora").getUserId()).getFirst().getId();
        // This browser's own session, as the tracking filter records it.
        String current = VaadinSession.getCurrent().getSession().getId();
        sessions.touch(current, principal("mine-root"), "10.3.0.9", "Firefox", true);

        // The user menu's entry leads here, not to the list of everyone's sessions.
        UI.getCurrent().navigate(DashboardView.class);
        MenuItem entry = _get(MenuBar.class, spec -> spec.withClasses("pc-user-menu")).getItems().getFirst().getSubMenu().getItems().stream()
                .filter(item -> item.getText().equals("My sessions")).findFirst().orElseThrow();
        _click(entry);
        MySessionsView view = _get(MySessionsView.class);
        assertThat(_get(view, H1.class).getText()).isEqualTo("My sessions");

        List<AdminSession> rows = rows(view);
        assertThat(rows).extracting(AdminSession::getUsername).containsOnly("mine-root");
        assertThat(rows).extracting(AdminSession::getClientAddress).contains("10.3.0.1", "10.3.0.2", "10.3.0.9")
                .doesNotContain("10.3.0.3");
        assertThat(rows).hasSize((int) sessions.countSessionsOf(rootId));
        assertThat(GridKt._getFormattedRow(view.grid, rows.indexOf(rows.stream()
                .filter(s -> "10.3.0.9".equals(s.getClientAddress())).findFirst().orElseThrow())))
                .contains("This session");
        assertThat(GridKt._getFormattedRow(view.grid, rows.indexOf(rows.stream()
                .filter(s -> "10.3.0.1".equals(s.getClientAddress())).findFirst().orElseThrow())))
                .contains("signed out");

        // Another user's session cannot be ended from here, whatever id is sent.
        assertThat(sessions.endOwn(rootId, noraSession)).isFalse();
        assertThat(sessions.openSessions(principal("mine-nora").getUserId())).hasSize(1);

        // One End button: the phone's (the laptop's session has ended, and this one is ended by signing out).
        List<Button> ends = IntStream.range(0, rows.size())
                .mapToObj(row -> GridKt._getCellComponent(view.grid, row, "end"))
                .flatMap(cell -> _find(cell, Button.class, spec -> spec.withText("End")).stream()).toList();
        assertThat(ends).hasSize(1);
        _click(ends.getFirst());
        assertThat(sessions.touch("mine-root-phone", principal("mine-root"), "10.3.0.2", "Mobile Safari", true))
                .isEqualTo(SessionEndReasons.SIGNED_OUT);
        assertThat(sessions.touch(current, principal("mine-root"), "10.3.0.9", "Firefox", true)).isNull();
    }

    @Test
    void theListReadsInTheUsersLanguage() {
        signInAs("mine-nora");
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate(MySessionsView.class);
        MySessionsView view = _get(MySessionsView.class);
        assertThat(_get(view, H1.class).getText()).isEqualTo("Meine Sitzungen");
        assertThat(view.grid.getColumns()).extracting(column -> column.getHeaderText())
                .contains("Diese Sitzung", "Begonnen", "Zuletzt aktiv", "IP-Adresse", "Grund des Endes");
        assertThat(rows(view)).extracting(AdminSession::getUsername).containsOnly("mine-nora");
    }
}
