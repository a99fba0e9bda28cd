package dev.portcullis.auth;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.ui.EntityFormView;
import dev.portcullis.admin.ui.EntityListView;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.Users;
import dev.portcullis.auth.internal.SessionTracker;
import dev.portcullis.auth.internal.SetPasswordView;

/** Administrators set passwords and add users through the policy and the meter; nobody else can. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class SetPasswordViewTest extends KaribuTest {

    @Autowired
    AdminUserService users;

    @Autowired
    AdminUserRepository repository;

    @Autowired
    SessionTracker sessions;

    @Autowired
    AdminUserDetailsService userDetails;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        if (users.findByUsername("set-admin").isEmpty()) {
            users.createUser("set-admin", "correct horse battery staple", true, true, false);
            users.createUser("nina", "correct horse battery staple", true, false, false);
        }
    }

    @Test
    void anAdministratorSetsAPasswordAndTheUserMustChooseTheirOwnNext() {
        sessions.touch("nina-laptop", (AdminPrincipal) userDetails.loadUserByUsername("nina"), "10.3.0.1", "Firefox", true);
        signInAs("set-admin");
        long nina = repository.findByUsername("nina").orElseThrow().getId();
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "user", "id", String.valueOf(nina))));
        Anchor link = _get(Anchor.class, spec -> spec.withText("Set password"));
        UI.getCurrent().navigate(link.getHref());
        SetPasswordView view = _get(SetPasswordView.class);
        view.password.setValue("password1234");
        assertThat(view.save.isEnabled()).isFalse();
        view.password.setValue("harbour lights over a quiet bay");
        view.confirmation.setValue("harbour lights over a quiet bay");
        _click(view.save);
        AdminUser saved = repository.findByUsername("nina").orElseThrow();
        assertThat(encoder.matches("harbour lights over a quiet bay", saved.getPasswordHash())).isTrue();
        assertThat(saved.isMustChangePassword()).isTrue();
        assertThat(sessions.touch("nina-laptop", (AdminPrincipal) userDetails.loadUserByUsername("nina"), "10.3.0.1",
                "Firefox", true)).isEqualTo("password-set");
        // Recorded in the history, the hash masked: only the fact that it changed.
        var entry = jdbc.queryForMap("select detail, changes from portcullis_history where username = 'set-admin'"
                + " and object_id = ? order by id desc limit 1", String.valueOf(nina));
        assertThat(entry.get("DETAIL")).isEqualTo("Set password");
        assertThat((String) entry.get("CHANGES")).contains("passwordHash").doesNotContain("argon2");
    }

    @Test
    void addingAUserGoesThroughThePasswordView() {
        signInAs("set-admin");
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "user"));
        _click(_get(Button.class, spec -> spec.withText("Add user")));
        SetPasswordView view = _get(SetPasswordView.class);
        view.username.setValue("oscar");
        view.password.setValue("oscar's own lantern harbour");
        view.confirmation.setValue("oscar's own lantern harbour");
        view.save();
        assertThat(view.problems.getChildren().map(c -> ((ListItem) c).getText()))
                .contains("Do not use your username in the password.");
        view.password.setValue("northern lights over the quiet bay");
        view.confirmation.setValue("northern lights over the quiet bay");
        _click(view.save);
        AdminUser oscar = repository.findByUsername("oscar").orElseThrow();
        assertThat(oscar.isStaff()).isTrue();
        assertThat(oscar.isSuperuser()).isFalse();
        assertThat(oscar.isMustChangePassword()).isTrue();
    }

    @Test
    void staffWithoutThePermissionCannotSetPasswords() {
        long nina = repository.findByUsername("nina").orElseThrow().getId();
        Users.signInWith("someone", "user:view");
        assertThatThrownBy(() -> users.setPassword(nina, null, "harbour lights over a quiet bay",
                "harbour lights over a quiet bay", false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setPassword(null, "mallory", "harbour lights over a quiet bay",
                "harbour lights over a quiet bay", false)).isInstanceOf(AccessDeniedException.class);
        assertThat(repository.findByUsername("mallory")).isEmpty();
        Users.signOut();
    }
}
