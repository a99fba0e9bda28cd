package dev.portcullis.twofactor;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.KaribuConfig;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.PendingSignIns;
import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.MutableClock;
import dev.portcullis.twofactor.internal.Totp;
import dev.portcullis.twofactor.internal.TwoFactorCodeView;
import dev.portcullis.twofactor.internal.TwoFactorResetView;
import dev.portcullis.twofactor.internal.TwoFactorService;
import dev.portcullis.twofactor.internal.TwoFactorSettingsView;
import dev.portcullis.twofactor.internal.TwoFactorSetupView;

/**
 * Two-factor sign-in and security keys for a German user: the wizard, the code step, the recovery codes, the
 * settings with their keys, the browser's refusal of a key ceremony and an administrator's reset all read German.
 * (The same screens in English are asserted by {@link TwoFactorSignInTest}.)
 */
@SpringBootTest(classes = DemoApplication.class, properties = "portcullis.two-factor.required-for=ROLE_STAFF")
@org.springframework.test.context.ActiveProfiles("test")
@org.springframework.context.annotation.Import(TwoFactorSignInTest.Clocks.class)
class TwoFactorInGermanTest extends KaribuTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MutableClock clock;

    @Autowired
    TwoFactorService service;

    @Autowired
    AdminUserService users;

    @Autowired
    JdbcTemplate jdbc;

    private static int counter;
    private String username;
    private byte[] secret;

    @BeforeEach
    void aGermanStaffUser() {
        username = "de" + (++counter);
        users.createUser(username, PASSWORD, true, false, false);
        clock.advance(Duration.ofMinutes(20)); // past any throttle window of an earlier test
        UI.getCurrent().setLocale(Locale.GERMAN);
    }

    private List<String> enrol() {
        TwoFactorService.Enrolment enrolment = service.beginSetup(username);
        secret = enrolment.secret();
        List<String> codes = service.confirm(id(), enrolment, currentCode(), PendingSignIns.ADDRESS);
        clock.advance(Duration.ofSeconds(30));
        return codes;
    }

    private String currentCode() {
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    private String wrongCode() {
        return "123456".equals(currentCode()) ? "654321" : "123456";
    }

    private long id() {
        return users.findByUsername(username).orElseThrow().getId();
    }

    private static String problemText() {
        return _find(Div.class, spec -> spec.withClasses("pc-problems")).stream().map(Div::getText)
                .filter(text -> !text.isEmpty()).findFirst().orElse("");
    }

    @Test
    void theSetupWizardAndItsRecoveryCodesReadGerman() {
        PendingSignIns.signIn(userDetailsService, username, PendingSignIn.Step.ENROL, clock.instant());
        UI.getCurrent().navigate(DashboardView.class);
        TwoFactorSetupView wizard = _get(TwoFactorSetupView.class);
        assertThat(wizard.getPageTitle()).contains("Zwei-Faktor-Authentifizierung einrichten");
        assertThat(_get(H2.class).getText()).isEqualTo("Zwei-Faktor-Authentifizierung einrichten");
        assertThat(wizard.progress.getText()).isEqualTo("Schritt 1 von 4 · Warum und wie");
        assertThat(wizard.method.getLabel()).isEqualTo("Verfahren");
        assertThat(wizard.method.getItemLabelGenerator().apply(TwoFactorSetupView.APP))
                .isEqualTo("Authenticator-App (empfohlen)");
        assertThat(wizard.method.getValue()).as("the choice is an id, not a translated label")
                .isEqualTo(TwoFactorSetupView.APP);
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anyMatch(text -> text.startsWith(
                "Ein Passwort allein kann erraten, per Phishing abgegriffen oder geleakt werden."));
        assertThat(wizard.next.getText()).isEqualTo("Weiter");
        assertThat(wizard.cancel.getText()).isEqualTo("Abbrechen");

        _click(wizard.next);
        assertThat(wizard.progress.getText()).isEqualTo("Schritt 2 von 4 · Scannen");
        assertThat(_get(Image.class, spec -> spec.withId("two-factor-qr")).getAlt())
                .hasValue("QR-Code zum Scannen mit Ihrer Authenticator-App");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains(
                "Öffnen Sie Ihre Authenticator-App, fügen Sie ein Konto hinzu und scannen Sie diesen Code.",
                "Scannen nicht möglich? Geben Sie diesen Schlüssel von Hand ein (zeitbasiert, Konto " + username
                        + "):");
        secret = wizard.enrolment.secret();

        _click(wizard.next);
        assertThat(wizard.progress.getText()).isEqualTo("Schritt 3 von 4 · Bestätigen");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains(
                "Geben Sie den sechsstelligen Code ein, den Ihre Authenticator-App jetzt für Portcullis Bookshop"
                        + " anzeigt.");
        assertThat(wizard.code.getLabel()).isEqualTo("Code aus Ihrer App");
        assertThat(wizard.next.getText()).isEqualTo("Bestätigen");
        wizard.code.setValue(wrongCode());
        _click(wizard.next);
        assertThat(wizard.problem.getText()).isEqualTo("Dieser Code ist nicht richtig. Prüfen Sie, ob die Uhr Ihres"
                + " Geräts automatisch gestellt wird, und geben Sie den Code ein, den Ihre App jetzt anzeigt.");

        wizard.code.setValue(currentCode());
        _click(wizard.next);
        assertThat(wizard.progress.getText()).isEqualTo("Schritt 4 von 4 · Wiederherstellungscodes");
        assertThat(wizard.recoveryCodes.stored.getLabel()).isEqualTo("Ich habe diese Codes sicher aufbewahrt");
        assertThat(_get(wizard.recoveryCodes, Button.class, spec -> spec.withId("copy-recovery-codes")).getText())
                .isEqualTo("Kopieren");
        assertThat(_get(wizard.recoveryCodes, Anchor.class, spec -> spec.withId("download-recovery-codes")).getText())
                .isEqualTo("Als Textdatei herunterladen");
        assertThat(_find(wizard.recoveryCodes, Paragraph.class)).extracting(Paragraph::getText).singleElement()
                .asString().startsWith("Mit jedem Wiederherstellungscode können Sie sich einmal anmelden");
        assertThat(wizard.next.getText()).isEqualTo("Fertig");
        _click(_get(wizard.recoveryCodes, Button.class, spec -> spec.withId("copy-recovery-codes")));
        assertThat(_get(wizard.recoveryCodes, Button.class, spec -> spec.withId("copy-recovery-codes")).getText())
                .isEqualTo("Kopiert");
        LocatorJ._setValue(_get(Checkbox.class, spec -> spec.withId("recovery-codes-stored")), true);
        assertThat(wizard.next.isEnabled()).isTrue();
    }

    @Test
    void theCodeStepAtSignInReadsGerman() {
        List<String> codes = enrol();
        PendingSignIns.signIn(userDetailsService, username, PendingSignIn.Step.VERIFY, clock.instant());
        UI.getCurrent().navigate(DashboardView.class);
        TwoFactorCodeView view = _get(TwoFactorCodeView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Zwei-Faktor-Authentifizierung");
        assertThat(view.instruction.getText()).isEqualTo("Geben Sie den Code aus Ihrer Authenticator-App ein.");
        assertThat(view.code.getHelperText())
                .isEqualTo("6 Ziffern aus Ihrer App oder ein Wiederherstellungscode wie 7K3QX-9MDPA");
        assertThat(view.verify.getText()).isEqualTo("Bestätigen");

        view.code.setValue(wrongCode());
        _click(view.verify);
        assertThat(view.message.getText()).isEqualTo("Dieser Code ist nicht richtig. Geben Sie den Code ein, den Ihre"
                + " App jetzt anzeigt, oder einen Wiederherstellungscode.");
        assertThat(TwoFactorCodeView.wrong()).isEqualTo(view.message.getText());

        view.code.setValue(codes.get(0));
        _click(view.verify);
        assertThat(_get(view.done, Paragraph.class, spec -> spec.withId("recovery-codes-left")).getText())
                .isEqualTo("Wiederherstellungscode akzeptiert. Er kann nicht erneut verwendet werden; Sie haben noch"
                        + " 9 Wiederherstellungscodes.");
        assertThat(_get(view.done, Button.class, spec -> spec.withId("two-factor-continue")).getText())
                .isEqualTo("Weiter");
    }

    @Test
    void theSettingsAndTheirConfirmationReadGerman() {
        enrol();
        signInAs(username);
        UI.getCurrent().navigate(TwoFactorSettingsView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Zwei-Faktor-Authentifizierung");
        assertThat(_get(Paragraph.class, spec -> spec.withId("two-factor-status")).getText())
                .matches("Eingeschaltet seit \\d{1,2}\\. [A-Z][a-zä]+ \\d{4}, mit einer Authenticator-App\\."
                        + " Noch 10 Wiederherstellungscodes\\.");
        assertThat(_get(Button.class, spec -> spec.withId("two-factor-set-up")).getText()).isEqualTo("Neu einrichten");
        Button newCodes = _get(Button.class, spec -> spec.withId("two-factor-new-codes"));
        assertThat(newCodes.getText()).isEqualTo("Neue Wiederherstellungscodes erstellen");
        _click(newCodes);
        assertThat(_get(PasswordField.class, spec -> spec.withId("confirm-password")).getLabel())
                .isEqualTo("Ihr Passwort");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .contains("Ihre bisherigen Wiederherstellungscodes werden ungültig.");
        LocatorJ._setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "wrong password");
        LocatorJ._setValue(_get(TextField.class, spec -> spec.withId("confirm-code")), currentCode());
        _click(_get(Button.class, spec -> spec.withId("confirm-two-factor-change")));
        assertThat(problemText())
                .isEqualTo("Ihr Passwort oder der Code aus Ihrer Authenticator-App ist nicht richtig.");
    }

    /** Two stored keys and the recovery codes of a first key, as registering them in a browser leaves them. */
    private List<String> securityKeysOnly() {
        for (String name : List.of("Laptop", "Reserve")) {
            jdbc.update("insert into portcullis_webauthn_credential (user_id, credential_id, public_key, aaguid, name,"
                    + " created_at) values (?, ?, 'not-a-real-key', '00000000-0000-0000-0000-000000000000', ?, ?)",
                    id(), username + "-" + name, name, java.sql.Timestamp.from(clock.instant()));
        }
        return service.factorAdded(id());
    }

    @Test
    void securityKeyManagementAndTheBrowsersRefusalReadGerman() {
        securityKeysOnly();
        signInAs(username);
        UI.getCurrent().navigate(TwoFactorSettingsView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("two-factor-status")).getText()).isEqualTo(
                "Eingeschaltet, mit Sicherheitsschlüsseln. Noch 10 Wiederherstellungscodes. Sie können zusätzlich"
                        + " eine Authenticator-App hinzufügen.");
        assertThat(_get(H3.class).getText()).isEqualTo("Sicherheitsschlüssel und Passkeys");
        HorizontalLayout first = _get(HorizontalLayout.class, spec -> spec.withId("webauthn-key-0"));
        assertThat(_find(first, Span.class)).extracting(Span::getText).anyMatch(text -> text.matches(
                "Sicherheitsschlüssel · hinzugefügt am \\d{1,2}\\. [A-Z][a-zä]+ \\d{4} · zuletzt verwendet noch nie"));
        assertThat(_get(Button.class, spec -> spec.withId("webauthn-rename-0")).getText()).isEqualTo("Umbenennen");
        assertThat(_get(Button.class, spec -> spec.withId("webauthn-add")).getText())
                .isEqualTo("Sicherheitsschlüssel hinzufügen");

        _click(_get(Button.class, spec -> spec.withId("webauthn-remove-1")));
        assertThat(_get(PasswordField.class, spec -> spec.withId("webauthn-remove-password")).getLabel())
                .isEqualTo("Ihr Passwort");
        LocatorJ._setValue(_get(PasswordField.class, spec -> spec.withId("webauthn-remove-password")), PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("webauthn-confirm-remove")));
        assertThat(problemText()).isEqualTo("Geben Sie einen Code aus Ihrer Authenticator-App oder einen"
                + " Wiederherstellungscode ein, oder bestätigen Sie mit einem Ihrer Sicherheitsschlüssel.");

        // The browser gives no answer (the user cancelled): the ceremony's script answers with the error's name.
        List<PendingJavaScriptInvocation> asked = new java.util.ArrayList<>();
        var handlers = KaribuConfig.getPendingJavascriptInvocationHandlers();
        List<kotlin.jvm.functions.Function1<PendingJavaScriptInvocation, kotlin.Unit>> withCapture =
                new java.util.ArrayList<>(handlers);
        withCapture.add(js -> {
            if (js.getInvocation().getExpression().contains("navigator.credentials.get")) {
                asked.add(js);
            }
            return kotlin.Unit.INSTANCE;
        });
        KaribuConfig.setPendingJavascriptInvocationHandlers(withCapture);
        try {
            _click(_get(Button.class, spec -> spec.withId("webauthn-remove-with-key")));
            MockVaadin.clientRoundtrip(false);
        } finally {
            KaribuConfig.setPendingJavascriptInvocationHandlers(handlers);
        }
        assertThat(asked).hasSize(1);
        asked.get(0).complete(tools.jackson.databind.node.StringNode.valueOf("{\"error\":\"NotAllowedError\"}"));
        assertThat(_get(Div.class, spec -> spec.withId("webauthn-remove-problem")).getText()).isEqualTo(
                "Ihr Browser hat keine Antwort von einem Schlüssel erhalten: Der Vorgang wurde abgebrochen, die Zeit"
                        + " ist abgelaufen, oder es wurde kein hier registrierter Schlüssel gefunden. Versuchen Sie es"
                        + " erneut.");
        assertThat(jdbc.queryForObject("select count(*) from portcullis_webauthn_credential where user_id = ?",
                Integer.class, id())).isEqualTo(2);
    }

    @Test
    void anAdministratorsResetReadsGerman() {
        enrol();
        String admin = username + "-admin";
        users.createUser(admin, PASSWORD, true, true, false);
        // Two-factor sign-in is required for staff here: the administrator has it too, or the wizard comes first.
        TwoFactorService.Enrolment own = service.beginSetup(admin);
        service.confirm(users.findByUsername(admin).orElseThrow().getId(), own,
                Totp.code(own.secret(), Totp.step(clock.instant())), PendingSignIns.ADDRESS);
        signInAs(admin);
        UI.getCurrent().navigate("user-two-factor/" + id());
        TwoFactorResetView view = _get(TwoFactorResetView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Zwei-Faktor-Authentifizierung von " + username);
        assertThat(_get(Paragraph.class, spec -> spec.withId("two-factor-status")).getText()).startsWith(
                username + " meldet sich mit einer Authenticator-App an. Das Zurücksetzen entfernt sie");
        assertThat(_get(Button.class, spec -> spec.withId("reset-two-factor")).getText())
                .isEqualTo("Zwei-Faktor-Authentifizierung zurücksetzen");
        assertThat(view.getPageTitle()).contains("Zwei-Faktor-Authentifizierung zurücksetzen");
    }
}
