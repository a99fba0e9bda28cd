package dev.portcullis.auth;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.RightsRefusedException;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.ui.internal.AccessDeniedView;
import dev.portcullis.admin.ui.internal.RouteAccessDeniedView;
import dev.portcullis.selfaudit.internal.SecurityAuditView;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.Roles;
import dev.portcullis.testsupport.Users;
import dev.portcullis.auth.internal.SetPasswordView;

/**
 * Granting beyond one's rights through the service itself (no form), taking over a superuser through the password
 * view, and the one refusal views answer with when a user may not open them (issue 13).
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class RightsRefusalTest extends KaribuTest {

    @Autowired
    AdminUserService users;

    @Autowired
    AdminEntityService service;

    @Autowired
    AdminRegistry registry;

    @Autowired
    AdminUserRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.portcullis.twofactor.internal.TwoFactorService twoFactor;

    @BeforeEach
    void people() {
        for (String name : List.of("ref-root", "ref-mallory", "ref-viewer")) {
            if (users.findByUsername(name).isEmpty()) {
                users.createUser(name, "correct horse battery staple", true, name.equals("ref-root"), false);
            }
        }
        Roles.role(jdbc, "ref-user-managers", "user:view", "user:change");
        Roles.role(jdbc, "ref-user-viewers", "user:view");
        Roles.role(jdbc, "ref-deleters", "book:delete");
        Roles.grant(jdbc, "ref-mallory", "ref-user-managers");
        Roles.grant(jdbc, "ref-viewer", "ref-user-viewers");
    }

    @AfterEach
    void signOutOfServices() {
        Users.signOut();
    }

    @SuppressWarnings("unchecked")
    private AdminModel<AdminUser> userModel() {
        return (AdminModel<AdminUser>) registry.bySlug("user").orElseThrow();
    }

    @Test
    void theServiceRefusesSelfPromotionWhateverScreenAsksForIt() {
        Users.signInWith("ref-mallory", "user:view", "user:change");
        AdminUser self = service.get(userModel(), Roles.userId(jdbc, "ref-mallory"));
        self.setSuperuser(true);
        assertThatThrownBy(() -> service.save(userModel(), self)).isInstanceOf(RightsRefusedException.class)
                .hasMessage("Only superusers can make someone a superuser.");
        assertThat(repository.findByUsername("ref-mallory").orElseThrow().isSuperuser()).isFalse();
    }

    @Test
    void theServiceRefusesARoleCarryingAPermissionTheGranterLacks() {
        Users.signInWith("ref-mallory", "user:view", "user:change");
        AdminUser self = service.get(userModel(), Roles.userId(jdbc, "ref-mallory"));
        AdminRole deleters = new AdminRole("ignored");
        org.springframework.test.util.ReflectionTestUtils.setField(deleters, "id", Roles.role(jdbc, "ref-deleters"));
        self.getRoles().add(deleters);
        assertThatThrownBy(() -> service.save(userModel(), self)).isInstanceOf(RightsRefusedException.class)
                .hasMessage("You cannot grant rights you do not hold yourself (book:delete).");
        assertThat(jdbc.queryForObject("select count(*) from portcullis_user_role where user_id = ?", Long.class,
                Roles.userId(jdbc, "ref-mallory"))).isEqualTo(1);
    }

    @Test
    void nobodyDeletesAUserHoldingRightsTheyLack() {
        Roles.role(jdbc, "ref-user-deleters", "user:view", "user:delete");
        if (users.findByUsername("ref-deleter").isEmpty()) {
            users.createUser("ref-deleter", "correct horse battery staple", true, false, false);
        }
        Roles.grant(jdbc, "ref-deleter", "ref-user-deleters");
        long root = Roles.userId(jdbc, "ref-root");
        Users.signInWith("ref-deleter", "user:view", "user:delete");
        assertThatThrownBy(() -> service.delete(userModel(), root)).isInstanceOf(RightsRefusedException.class)
                .hasMessage("You cannot delete this user: it grants rights you do not hold (superuser).");
        assertThatThrownBy(() -> service.deleteBatch(userModel(), List.of(root)))
                .isInstanceOf(RightsRefusedException.class);
        assertThat(repository.findByUsername("ref-root")).isPresent();
    }

    @Test
    void nobodySetsThePasswordOfAUserHoldingRightsTheyLack() {
        long root = Roles.userId(jdbc, "ref-root");
        String hash = jdbc.queryForObject("select password_hash from portcullis_user where id = ?", String.class, root);
        Users.signInWith("ref-mallory", "user:view", "user:change");
        assertThat(users.maySetPassword(root)).isFalse();
        assertThatThrownBy(() -> users.setPassword(root, null, "harbour lights over a quiet bay",
                "harbour lights over a quiet bay", false)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select password_hash from portcullis_user where id = ?", String.class, root))
                .isEqualTo(hash);
        assertThat(users.maySetPassword(Roles.userId(jdbc, "ref-viewer"))).isTrue();
    }

    @Test
    void thePasswordViewRefusesWithoutNamingTheUser() {
        signInAs("ref-viewer");
        UI.getCurrent().navigate("user-password/" + Roles.userId(jdbc, "ref-root"));
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(_find(SetPasswordView.class)).isEmpty();
        String refusal = _get(H1.class).getText();
        assertThat(refusal).isEqualTo("You do not have permission to do that");
        assertThat(UI.getCurrent().getElement().getOuterHTML()).doesNotContain("ref-root");

        UI.getCurrent().navigate("user-password/999999");
        assertThat(UI.getCurrent().getCurrentView()).as("an unknown id answers alike").isInstanceOf(AccessDeniedView.class);
        UI.getCurrent().navigate("user-password/new");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    void aUserManagerCannotResetTheSecondFactorOfASuperuser() {
        long root = Roles.userId(jdbc, "ref-root");
        signInAs("ref-mallory");
        UI.getCurrent().navigate("user-two-factor/" + root);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(UI.getCurrent().getElement().getOuterHTML()).doesNotContain("ref-root");
        Users.signInWith("ref-mallory", "user:view", "user:change");
        assertThatThrownBy(() -> twoFactor.reset(root)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSecurityAuditRefusesWithTheSameWords() {
        signInAs("ref-viewer");
        UI.getCurrent().navigate(SecurityAuditView.class);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RouteAccessDeniedView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("You do not have permission to do that");
        assertThat(UI.getCurrent().getElement().getOuterHTML()).doesNotContain("Could not navigate");
    }
}
