package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.auth.AdminRole;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.Roles;

import jakarta.persistence.EntityManager;

/**
 * The escalation from the attack (issue 13): a user with user:view and user:change ticks Superuser on their own record.
 * Through the real form: refused with a message, nothing saved, the refusal in the history; a superuser may.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class RightsEscalationFormTest extends KaribuTest {

    @Autowired
    AdminUserService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager em;

    @BeforeEach
    void people() {
        for (String name : List.of("esc-root", "esc-mallory", "esc-nina", "esc-rolf")) {
            if (users.findByUsername(name).isEmpty()) {
                users.createUser(name, "correct horse battery staple", true, name.equals("esc-root"), false);
            }
        }
        Roles.role(jdbc, "esc-user-managers", "user:view", "user:change");
        Roles.role(jdbc, "esc-deleters", "book:delete");
        Roles.role(jdbc, "esc-role-editors", "role:view", "role:change");
        Roles.role(jdbc, "esc-readers", "book:view");
        Roles.grant(jdbc, "esc-mallory", "esc-user-managers");
        Roles.grant(jdbc, "esc-rolf", "esc-role-editors");
        Roles.grant(jdbc, "esc-rolf", "esc-readers");
    }

    private EntityFormView open(String slug, long id) {
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", slug, "id",
                String.valueOf(id))));
        return _get(EntityFormView.class);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Component> C field(EntityFormView view, String path) {
        return (C) _get(view, Component.class, spec -> spec.withId("field-" + path));
    }

    private long refusalsRecordedFor(String username) {
        return jdbc.queryForObject("select count(*) from portcullis_history where username = ? and detail like"
                + " 'Refused: %'", Long.class, username);
    }

    private boolean isSuperuser(String username) {
        return jdbc.queryForObject("select superuser from portcullis_user where username = ?", Boolean.class, username);
    }

    private List<String> rolesOf(String username) {
        return jdbc.queryForList("select r.name from portcullis_role r join portcullis_user_role ur on ur.role_id = r.id"
                + " join portcullis_user u on u.id = ur.user_id where u.username = ? order by r.name", String.class,
                username);
    }

    @Test
    void aUserWhoTicksSuperuserOnTheirOwnRecordIsRefusedAndNothingIsSaved() {
        long refusals = refusalsRecordedFor("esc-mallory");
        signInAs("esc-mallory");
        EntityFormView view = open("user", Roles.userId(jdbc, "esc-mallory"));
        Checkbox superuser = field(view, "superuser");
        TextField fullName = field(view, "fullName");
        superuser.setValue(true);
        fullName.setValue("Mallory the Great");
        _click(view.save);
        assertThat(view.problem.getText()).isEqualTo("Only superusers can make someone a superuser.");
        assertThat(view.problem.isVisible()).isTrue();
        _get(EntityFormView.class);
        assertThat(isSuperuser("esc-mallory")).isFalse();
        assertThat(jdbc.queryForObject("select full_name from portcullis_user where username = 'esc-mallory'",
                String.class)).as("nothing of the refused save is kept").isNull();
        assertThat(refusalsRecordedFor("esc-mallory")).isEqualTo(refusals + 1);
    }

    @Test
    void grantingARoleWithAPermissionTheGranterLacksIsRefused() {
        signInAs("esc-mallory");
        EntityFormView view = open("user", Roles.userId(jdbc, "esc-nina"));
        MultiSelectComboBox<Object> roles = field(view, "roles");
        roles.setValue(Set.of(role("esc-deleters")));
        _click(view.save);
        assertThat(view.problem.getText())
                .isEqualTo("You cannot grant rights you do not hold yourself (book:delete).");
        assertThat(rolesOf("esc-nina")).isEmpty();
    }

    @Test
    void nobodyWithoutTheRightEditsASuperuser() {
        signInAs("esc-mallory");
        EntityFormView view = open("user", Roles.userId(jdbc, "esc-root"));
        TextField email = field(view, "email");
        email.setValue("mallory@evil.example");
        _click(view.save);
        assertThat(view.problem.getText())
                .isEqualTo("You cannot change this user: it grants rights you do not hold (superuser).");
        assertThat(jdbc.queryForObject("select email from portcullis_user where username = 'esc-root'", String.class))
                .isNull();
    }

    @Test
    void aSuperuserMayGrantSuperuserAndAnyRole() {
        signInAs("esc-root");
        EntityFormView view = open("user", Roles.userId(jdbc, "esc-nina"));
        Checkbox superuser = field(view, "superuser");
        superuser.setValue(true);
        MultiSelectComboBox<Object> roles = field(view, "roles");
        roles.setValue(Set.of(role("esc-deleters")));
        _click(view.save);
        _get(EntityListView.class);
        assertThat(isSuperuser("esc-nina")).isTrue();
        assertThat(rolesOf("esc-nina")).containsExactly("esc-deleters");
        jdbc.update("update portcullis_user set superuser = false where username = 'esc-nina'");
        jdbc.update("delete from portcullis_user_role where user_id = ?", Roles.userId(jdbc, "esc-nina"));
    }

    @Test
    void addingAPermissionToARoleTheEditorHoldsRaisesTheirOwnRightsAndIsRefused() {
        signInAs("esc-rolf");
        long roleEditors = Roles.role(jdbc, "esc-role-editors");
        EntityFormView view = open("role", roleEditors);
        MultiSelectComboBox<String> permissions = field(view, "permissions");
        Set<String> more = new HashSet<>(permissions.getValue());
        more.add("book:view"); // rolf holds it through another role, and still may not add it to his own
        permissions.setValue(more);
        _click(view.save);
        assertThat(view.problem.getText())
                .isEqualTo("You cannot raise your own rights (book:view). Ask another administrator.");
        more.add("book:delete");
        permissions.setValue(more);
        _click(view.save);
        assertThat(view.problem.getText())
                .isEqualTo("You cannot grant rights you do not hold yourself (book:delete).");
        assertThat(jdbc.queryForList("select permission from portcullis_role_permission where role_id = ? order by"
                + " permission", String.class, roleEditors)).containsExactly("role:change", "role:view");
    }

    @Test
    void aRoleEditorMayGrantWhatTheyHoldToARoleTheyDoNotHoldButNotChangeARoleBeyondTheirRights() {
        signInAs("esc-rolf");
        long shelf = Roles.role(jdbc, "esc-shelf");
        EntityFormView view = open("role", shelf);
        MultiSelectComboBox<String> permissions = field(view, "permissions");
        permissions.setValue(Set.of("book:view"));
        _click(view.save);
        _get(EntityListView.class);
        assertThat(jdbc.queryForList("select permission from portcullis_role_permission where role_id = ?",
                String.class, shelf)).containsExactly("book:view");

        EntityFormView deleters = open("role", Roles.role(jdbc, "esc-deleters"));
        TextField name = field(deleters, "name");
        name.setValue("esc-harmless");
        _click(deleters.save);
        assertThat(deleters.problem.getText())
                .isEqualTo("You cannot change this role: it grants rights you do not hold (book:delete).");
        assertThat(jdbc.queryForObject("select count(*) from portcullis_role where name = 'esc-deleters'", Long.class))
                .isEqualTo(1);
    }

    private AdminRole role(String name) {
        return em.find(AdminRole.class, Roles.role(jdbc, name));
    }
}
