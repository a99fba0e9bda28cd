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
import dev.portcullis.auth.internal.ChangePasswordView;

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
        assertThat(view.save.isEnabled()).as("Save stays disabled while the policy fails").isFalse();
        // A forged request reaches the server anyway: it checks again.
        view.save();
        assertThat(view.problems.getChildren().map(c -> ((ListItem) c).getText()).toList()).contains(
                "The new password and its confirmation do not match.",
                "Use at least 12 characters (this one has 5).");
    }

    @Test
    void theMeterFollowsTheTypingAndGatesSave() {
        users.createUser("meter1", ONE_TIME, true, false, true);
        signInAs("meter1");
        UI.getCurrent().navigate(ChangePasswordView.class);
        ChangePasswordView view = _get(ChangePasswordView.class);
        assertThat(view.meter.check().accepted()).isFalse();
        assertThat(view.save.isEnabled()).isFalse();

        view.newPassword.setValue("password1234");
        assertThat(_get(view.meter, com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("pc-strength-label")).getText()).isIn("Very weak", "Weak");
        assertThat(view.meter.check().problems())
                .contains("This is one of the 100,000 most common passwords; attackers try those first.");
        assertThat(view.save.isEnabled()).isFalse();

        view.newPassword.setValue("meter1 is my name here");
        assertThat(view.meter.check().problems()).contains("Do not use your username in the password.");

        view.newPassword.setValue("quiet lantern over harbour water");
        assertThat(view.meter.check().accepted()).isTrue();
        assertThat(view.meter.check().label()).isIn("Strong", "Very strong");
        assertThat(_get(view.meter, com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("pc-strength-time")).getText()).startsWith("Time to crack offline: ");
        assertThat(view.save.isEnabled()).isTrue();
        assertThat(view.newPassword.isRevealButtonVisible()).as("show/hide stays available").isTrue();
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

    @Test
    void aGermanReaderGetsTheViewTheMeterAndEveryRefusalInGerman() {
        users.createUser("meter-de", ONE_TIME, true, false, true);
        signInAs("meter-de");
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        UI.getCurrent().navigate(ChangePasswordView.class);
        ChangePasswordView view = _get(ChangePasswordView.class);
        assertThat(_get(view, com.vaadin.flow.component.html.H1.class).getText()).isEqualTo("Passwort ändern");
        assertThat(view.currentPassword.getLabel()).isEqualTo("Aktuelles Passwort");
        assertThat(view.save.getText()).isEqualTo("Passwort ändern");
        assertThat(view.newPassword.getHelperText()).startsWith("Mindestens 12 Zeichen");
        assertThat(_get(view.meter, com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("pc-strength-label")).getText()).isEqualTo("Geben Sie ein Passwort ein");

        view.newPassword.setValue("password1234");
        assertThat(_get(view.meter, com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("pc-strength-label")).getText()).isIn("Sehr schwach", "Schwach");
        assertThat(view.meter.check().problems())
                .contains("Dies ist eines der 100.000 häufigsten Passwörter; Angreifer probieren diese zuerst.");
        // zxcvbn's advice comes from our bundle, in the formal register.
        assertThat(view.meter.check().warning()).isEqualTo("Dies ist ein sehr häufiges Passwort.");

        view.newPassword.setValue("meter-de is my name");
        assertThat(view.meter.check().problems()).contains("Verwenden Sie Ihren Benutzernamen nicht im Passwort.");

        view.newPassword.setValue("quiet lantern over harbour water");
        assertThat(view.meter.check().label()).isIn("Stark", "Sehr stark");
        assertThat(_get(view.meter, com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("pc-strength-time")).getText()).startsWith("Zeit zum Knacken (offline): ");

        view.currentPassword.setValue("not-the-password");
        view.newPassword.setValue("short");
        view.confirmation.setValue("shorter");
        view.save();
        assertThat(view.problems.getChildren().map(c -> ((ListItem) c).getText()).toList()).contains(
                "Ihr aktuelles Passwort ist nicht korrekt.",
                "Das neue Passwort und seine Wiederholung stimmen nicht überein.",
                "Verwenden Sie mindestens 12 Zeichen (dieses hat 5).");
    }
}
