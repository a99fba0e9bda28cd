package dev.portcullis.auth;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;

import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;

@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class ChangePasswordViewTest extends KaribuTest {

    private static final String ONE_TIME = "one-time-Pa55word-xyz";

    @Autowired
    AdminUserService users;

    @Autowired
    AdminUserRepository repository;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void userWithGeneratedPasswordCanReachNothingButTheChangeView() {
        users.createUser("forced1", ONE_TIME, true, false, true);
        signInAs("forced1");
        UI.getCurrent().navigate(DashboardView.class);
        _get(ChangePasswordView.class);
        _assertNone(DashboardView.class);
        // Typing another admin URL does not get past the guard either.
        UI.getCurrent().navigate("");
        _get(ChangePasswordView.class);
        assertThat(_get(ChangePasswordView.class).cancel.isVisible()).isFalse();
    }

    @Test
    void wrongCurrentPasswordIsRefusedAndTheTypedValuesStay() {
        users.createUser("forced2", ONE_TIME, true, false, true);
        signInAs("forced2");
        UI.getCurrent().navigate(ChangePasswordView.class);
        ChangePasswordView view = _get(ChangePasswordView.class);
        view.currentPassword.setValue("not-the-password");
        view.newPassword.setValue("a brand new passphrase");
        view.confirmation.setValue("a brand new passphrase");
        _click(view.save);
        assertThat(_get(view.problems, ListItem.class, spec -> spec.withText("Your current password is not correct.")))
                .isNotNull();
        assertThat(view.newPassword.getValue()).isEqualTo("a brand new passphrase");
        assertThat(repository.findByUsername("forced2").orElseThrow().isMustChangePassword()).isTrue();
    }

    @Test
    void tooShortOrMismatchedPasswordsAreRefusedWithEveryReason() {
        users.createUser("forced3", ONE_TIME, true, false, true);
        signInAs("forced3");
        UI.getCurrent().navigate(ChangePasswordView.class);
        ChangePasswordView view = _get(ChangePasswordView.class);
        view.currentPassword.setValue(ONE_TIME);
        view.newPassword.setValue("short");
        view.confirmation.setValue("shorter");
        _click(view.save);
        assertThat(view.problems.getChildren().map(c -> ((ListItem) c).getText()).toList()).contains(
                "The new password and its confirmation do not match.",
                "Use at least 12 characters (this one has 5).");
    }

    @Test
    void choosingANewPasswordLiftsTheGuard() {
        users.createUser("forced4", ONE_TIME, true, false, true);
        signInAs("forced4");
        UI.getCurrent().navigate(ChangePasswordView.class);
        ChangePasswordView view = _get(ChangePasswordView.class);
        view.currentPassword.setValue(ONE_TIME);
        view.newPassword.setValue("a brand new passphrase");
        view.confirmation.setValue("a brand new passphrase");
        _click(view.save);
        _get(DashboardView.class);
        AdminUser user = repository.findByUsername("forced4").orElseThrow();
        assertThat(user.isMustChangePassword()).isFalse();
        assertThat(encoder.matches("a brand new passphrase", user.getPasswordHash())).isTrue();
        UI.getCurrent().navigate(DashboardView.class);
        _get(DashboardView.class);
    }
}
