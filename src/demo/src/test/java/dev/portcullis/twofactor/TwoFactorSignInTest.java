package dev.portcullis.twofactor;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.kaributesting.v10.KaribuConfig;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListQuery;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.internal.LoginView;
import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.auth.PendingSignIns;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.MutableClock;
import dev.portcullis.testsupport.Users;
import dev.portcullis.twofactor.internal.Base32;
import dev.portcullis.twofactor.internal.Totp;
import dev.portcullis.twofactor.internal.TwoFactorCodeView;
import dev.portcullis.twofactor.internal.TwoFactorPolicy;
import dev.portcullis.twofactor.internal.TwoFactorService;
import dev.portcullis.twofactor.internal.TwoFactorSettingsView;
import dev.portcullis.twofactor.internal.TwoFactorSetupView;

@SpringBootTest(classes = DemoApplication.class, properties = "portcullis.two-factor.required-for=ROLE_STAFF")
@org.springframework.test.context.ActiveProfiles("test")
@org.springframework.context.annotation.Import(TwoFactorSignInTest.Clocks.class)
class TwoFactorSignInTest extends KaribuTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock portcullisClock() {
            return new MutableClock(Instant.parse("2026-03-03T09:00:10Z"));
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    TwoFactorService service;

    @Autowired
    AdminUserService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AdminEntityService entities;

    @Autowired
    AdminRegistry registry;

    private static int counter;
    private String username;
    private byte[] secret;

    @BeforeEach
    void aStaffUser() {
        username = "tf" + (++counter);
        users.createUser(username, PASSWORD, true, false, false);
        clock.advance(Duration.ofMinutes(20)); // past any throttle window of an earlier test
    }

    /** Sets up an authenticator for the user through the service, as the wizard does, and returns its secret. */
    private List<String> enrol() {
        TwoFactorService.Enrolment enrolment = service.beginSetup(username);
        secret = enrolment.secret();
        List<String> codes = service.confirm(id(), enrolment, currentCode(), PendingSignIns.ADDRESS);
        clock.advance(Duration.ofSeconds(30)); // the confirming code's step is spent
        return codes;
    }

    private String currentCode() {
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    private long id() {
        return users.findByUsername(username).orElseThrow().getId();
    }

    private TwoFactorCodeView codeStep() {
        PendingSignIns.signIn(userDetailsService, username, PendingSignIn.Step.VERIFY, clock.instant());
        UI.getCurrent().navigate(DashboardView.class);
        return _get(TwoFactorCodeView.class);
    }

    @Test
    void afterThePasswordOnlyTheCodeStepIsReachable() {
        enrol();
        codeStep();
        _assertNone(DashboardView.class);
        for (String path : List.of("", "user", "book", "change-password", "two-factor/manage", "two-factor/setup")) {
            UI.getCurrent().navigate(path);
            _get(TwoFactorCodeView.class);
        }
        // Not only hidden: the data behind the screens refuses the half-finished sign-in.
        assertThatThrownBy(() -> entities.list(registry.bySlug("book").orElseThrow(), ListQuery.firstPage()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCurrentCodeFinishesTheSignInAndAWrongOneSaysSo() {
        enrol();
        TwoFactorCodeView view = codeStep();
        view.code.setValue("123456".equals(currentCode()) ? "654321" : "123456");
        _click(view.verify);
        assertThat(view.message.getText()).isEqualTo(TwoFactorCodeView.wrong());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isInstanceOf(PendingSignIn.class);

        view.code.setValue(currentCode());
        _click(view.verify);
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOf(AdminPrincipal.class);
        assertThat(users.findByUsername(username).orElseThrow().getLastLoginAt()).isEqualTo(clock.instant());
    }

    @Test
    void aCodeIsAcceptedOnceEvenWithinItsOwnTimeStep() {
        enrol();
        String code = currentCode();
        TwoFactorCodeView first = codeStep();
        first.code.setValue(code);
        _click(first.verify);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotInstanceOf(PendingSignIn.class);

        TwoFactorCodeView second = codeStep();
        second.code.setValue(code);
        _click(second.verify);
        assertThat(second.message.getText()).isEqualTo(TwoFactorCodeView.replayed());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isInstanceOf(PendingSignIn.class);
        // The code of the step before (still inside the window) is refused too: it is older than the one used.
        assertThat(service.verify(id(), Totp.code(secret, Totp.step(clock.instant()) - 1), null).outcome())
                .isEqualTo(TwoFactorService.Outcome.REPLAYED);
    }

    @Test
    void theConfirmingCodeCannotBeReusedToSignIn() {
        TwoFactorService.Enrolment enrolment = service.beginSetup(username);
        secret = enrolment.secret();
        String code = currentCode();
        service.confirm(id(), enrolment, code, null);
        assertThat(service.verify(id(), code, null).outcome()).isEqualTo(TwoFactorService.Outcome.REPLAYED);
    }

    @Test
    void wrongCodesShareTheSignInLockout() {
        enrol();
        for (int i = 0; i < 5; i++) {
            assertThat(service.verify(id(), "000000".equals(currentCode()) ? "111111" : "000000", "198.51.100.9")
                    .outcome()).isEqualTo(TwoFactorService.Outcome.WRONG);
        }
        assertThat(service.verify(id(), currentCode(), "198.51.100.9").outcome())
                .as("even the right code waits out the lock").isEqualTo(TwoFactorService.Outcome.THROTTLED);
        clock.advance(Duration.ofMinutes(16));
        assertThat(service.verify(id(), currentCode(), "198.51.100.9").outcome())
                .isEqualTo(TwoFactorService.Outcome.ACCEPTED);
    }

    @Test
    void theHalfFinishedSignInExpiresAfterFiveMinutes() {
        enrol();
        PendingSignIns.signIn(userDetailsService, username, PendingSignIn.Step.VERIFY, clock.instant());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        UI.getCurrent().navigate(DashboardView.class);
        _get(LoginView.class);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void recoveryCodesWorkOnceAndAreStoredOnlyAsHashes() {
        List<String> codes = enrol();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[0-9A-Z]{5}-[0-9A-Z]{5}"));
        List<String> stored = jdbc.queryForList("select code_hash from portcullis_recovery_code c join portcullis_user u"
                + " on u.id = c.user_id where u.username = ?", String.class, username);
        assertThat(stored).hasSize(10);
        for (String code : codes) {
            assertThat(stored).noneMatch(hash -> hash.contains(code.replace("-", "")));
        }

        TwoFactorCodeView view = codeStep();
        view.code.setValue(codes.get(0).toLowerCase());
        _click(view.verify);
        assertThat(_get(view.done, com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withId("recovery-codes-left")).getText()).contains("9 recovery codes left");
        assertThat(service.verify(id(), codes.get(0), null).outcome()).isEqualTo(TwoFactorService.Outcome.WRONG);
        assertThat(service.verify(id(), codes.get(1), null).outcome())
                .isEqualTo(TwoFactorService.Outcome.RECOVERY_CODE_ACCEPTED);
    }

    @Test
    void theSecretIsEncryptedAtRestUnderANamedKey() {
        enrol();
        var row = jdbc.queryForMap("select secret_encrypted, key_id from portcullis_two_factor where user_id = ?", id());
        assertThat((String) row.get("SECRET_ENCRYPTED")).doesNotContain(Base32.encode(secret))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(secret));
        assertThat((String) row.get("KEY_ID")).hasSize(8);
        assertThat(users.findByUsername(username).orElseThrow().isTwoFactorEnabled()).isTrue();
    }

    @Test
    void aUserWhoMustHaveTwoFactorGoesStraightIntoTheWizardAndNowhereElse() {
        PendingSignIns.signIn(userDetailsService, username, PendingSignIn.Step.ENROL, clock.instant());
        for (String path : List.of("", "user", "two-factor", "change-password")) {
            UI.getCurrent().navigate(path);
            _get(TwoFactorSetupView.class);
        }
        TwoFactorSetupView wizard = _get(TwoFactorSetupView.class);
        assertThat(wizard.progress.getText()).startsWith("Step 1 of 4");
        assertThat(wizard.method.getListDataView().getItems().toList()).as("text messages are off by default")
                .contains(TwoFactorSetupView.APP).doesNotContain(TwoFactorSetupView.TEXT);
        _click(wizard.next);
        assertThat(wizard.progress.getText()).startsWith("Step 2 of 4");
        secret = wizard.enrolment.secret();
        assertThat(Base32.encode(secret)).isEqualTo(wizard.enrolment.groupedSecret().replace(" ", ""));
        assertThat(wizard.enrolment.uri()).startsWith("otpauth://totp/Portcullis%20Bookshop:" + username + "?secret=")
                .contains("&issuer=Portcullis%20Bookshop");
        _click(wizard.next);

        wizard.code.setValue("123456".equals(currentCode()) ? "654321" : "123456");
        _click(wizard.next);
        assertThat(wizard.problem.getText()).isEqualTo(TwoFactorSetupView.wrong());
        assertThat(wizard.progress.getText()).startsWith("Step 3 of 4");
        assertThat(service.isEnabled(id())).as("nothing is stored before a right code").isFalse();

        wizard.code.setValue(currentCode());
        _click(wizard.next);
        assertThat(wizard.progress.getText()).startsWith("Step 4 of 4");
        assertThat(service.isEnabled(id())).isTrue();
        assertThat(wizard.recoveryCodes.list.getChildren().count()).isEqualTo(10);
        assertThat(wizard.next.isEnabled()).as("Done waits for the codes to be stored").isFalse();
        wizard.recoveryCodes.stored.setValue(true);
        _click(wizard.next);
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOf(AdminPrincipal.class);
    }

    @Test
    void cancellingTheWizardChangesNothing() {
        List<String> oldCodes = enrol();
        signInAs(username);
        UI.getCurrent().navigate(TwoFactorSetupView.class);
        TwoFactorSetupView wizard = _get(TwoFactorSetupView.class);
        _click(wizard.next);
        _click(wizard.next);
        _click(wizard.cancel);
        _get(TwoFactorSettingsView.class);
        // The old authenticator and recovery codes still work.
        assertThat(service.verify(id(), currentCode(), null).outcome()).isEqualTo(TwoFactorService.Outcome.ACCEPTED);
        assertThat(service.verify(id(), oldCodes.get(3), null).outcome())
                .isEqualTo(TwoFactorService.Outcome.RECOVERY_CODE_ACCEPTED);
    }

    @Test
    void turningOffNeedsPasswordAndCodeAndIsRefusedWhereItIsRequired() {
        enrol();
        signInAs(username);
        assertThatThrownBy(() -> service.disable(id(), PASSWORD, currentCode(), null))
                .isInstanceOf(TwoFactorService.RefusedException.class).hasMessageContaining("required for your account");
        Users.signInWith("someone-else");
        assertThatThrownBy(() -> service.disable(id(), "wrong password", currentCode(), null))
                .isInstanceOf(TwoFactorService.RefusedException.class);
        // The refused attempt stays counted and its code stays used: the next attempt needs the next code.
        assertThatThrownBy(() -> service.disable(id(), PASSWORD, currentCode(), null))
                .isInstanceOf(TwoFactorService.RefusedException.class).hasMessageContaining("used already");
        clock.advance(Duration.ofSeconds(30));
        service.disable(id(), PASSWORD, currentCode(), null);
        assertThat(service.isEnabled(id())).isFalse();
        assertThat(users.findByUsername(username).orElseThrow().isTwoFactorEnabled()).isFalse();
    }

    /** Two stored keys and the recovery codes of a first key, as registering them in a browser leaves them. */
    private List<String> securityKeysOnly() {
        for (String name : List.of("Laptop", "Spare")) {
            jdbc.update("insert into portcullis_webauthn_credential (user_id, credential_id, public_key, aaguid, name,"
                    + " created_at) values (?, ?, 'not-a-real-key', '00000000-0000-0000-0000-000000000000', ?, ?)",
                    id(), username + "-" + name, name, java.sql.Timestamp.from(clock.instant()));
        }
        return service.factorAdded(id());
    }

    private int keysLeft() {
        return jdbc.queryForObject("select count(*) from portcullis_webauthn_credential where user_id = ?",
                Integer.class, id());
    }

    private static String problemText() {
        return LocatorJ._find(Div.class, spec -> spec.withClasses("pc-problems")).stream().map(Div::getText)
                .filter(text -> !text.isEmpty()).findFirst().orElse("");
    }

    @Test
    void removingAKeyNeedsPasswordAndACurrentFactorAndWrongOnesCountTowardsTheLock() {
        List<String> codes = securityKeysOnly();
        signInAs(username);
        UI.getCurrent().navigate(TwoFactorSettingsView.class);

        _click(_get(Button.class, spec -> spec.withId("webauthn-remove-1")));
        // The password alone is not enough.
        LocatorJ._setValue(_get(PasswordField.class, spec -> spec.withId("webauthn-remove-password")), PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("webauthn-confirm-remove")));
        assertThat(problemText()).startsWith("Enter a code from your authenticator app or a recovery code");
        for (int attempt = 0; attempt < 4; attempt++) {
            LocatorJ._setValue(_get(PasswordField.class, spec -> spec.withId("webauthn-remove-password")), PASSWORD);
            LocatorJ._setValue(_get(TextField.class, spec -> spec.withId("webauthn-remove-code")), "00000-0000" + attempt);
            _click(_get(Button.class, spec -> spec.withId("webauthn-confirm-remove")));
            assertThat(problemText()).isEqualTo("Your password, or the code or key you confirmed with, is not right.");
        }
        // Five failures: now even a right recovery code is refused, and not spent.
        LocatorJ._setValue(_get(PasswordField.class, spec -> spec.withId("webauthn-remove-password")), PASSWORD);
        LocatorJ._setValue(_get(TextField.class, spec -> spec.withId("webauthn-remove-code")), codes.get(0));
        _click(_get(Button.class, spec -> spec.withId("webauthn-confirm-remove")));
        assertThat(problemText()).startsWith("Too many failed attempts");
        assertThat(keysLeft()).isEqualTo(2);
        assertThat(service.status(id()).recoveryCodesLeft()).isEqualTo(10);

        clock.advance(Duration.ofMinutes(20));
        LocatorJ._setValue(_get(PasswordField.class, spec -> spec.withId("webauthn-remove-password")), PASSWORD);
        LocatorJ._setValue(_get(TextField.class, spec -> spec.withId("webauthn-remove-code")), codes.get(0));
        _click(_get(Button.class, spec -> spec.withId("webauthn-confirm-remove")));
        assertThat(keysLeft()).isEqualTo(1);
        assertThat(service.status(id()).recoveryCodesLeft()).isEqualTo(9);

        // Two-factor sign-in is required for staff here: the last key stays, and no code is spent on trying.
        _click(_get(Button.class, spec -> spec.withId("webauthn-remove-0")));
        LocatorJ._setValue(_get(PasswordField.class, spec -> spec.withId("webauthn-remove-password")), PASSWORD);
        LocatorJ._setValue(_get(TextField.class, spec -> spec.withId("webauthn-remove-code")), codes.get(1));
        _click(_get(Button.class, spec -> spec.withId("webauthn-confirm-remove")));
        assertThat(problemText()).contains("this is your last key");
        assertThat(keysLeft()).isEqualTo(1);
        assertThat(service.status(id()).recoveryCodesLeft()).isEqualTo(9);
    }

    @Test
    void aUserWithOnlySecurityKeysIsOfferedNewRecoveryCodesConfirmedByAKey() {
        List<String> codes = securityKeysOnly();
        signInAs(username);
        UI.getCurrent().navigate(TwoFactorSettingsView.class);

        Button newCodes = _get(Button.class, spec -> spec.withId("two-factor-new-codes"));
        assertThat(newCodes.isVisible()).isTrue();
        _click(newCodes);
        // No app to read a code from: the key is the second thing asked for.
        _assertNone(TextField.class, spec -> spec.withId("confirm-code"));
        _assertNone(Button.class, spec -> spec.withId("confirm-two-factor-change"));
        LocatorJ._setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), PASSWORD);
        // Karibu hands the scripts sent to the browser to these handlers: keep the key ceremony's to answer it.
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
            _click(_get(Button.class, spec -> spec.withId("webauthn-confirm-key")));
            MockVaadin.clientRoundtrip(false);
        } finally {
            KaribuConfig.setPendingJavascriptInvocationHandlers(handlers);
        }

        // The browser's answer arrives; this one is no signature by the user's key, so the server refuses it.
        assertThat(asked).hasSize(1);
        asked.get(0).complete(tools.jackson.databind.node.StringNode.valueOf("{\"id\":\"forged\"}"));
        assertThat(problemText()).isEqualTo("Your password or the answer from your security key is not right.");
        assertThat(service.status(id()).recoveryCodesLeft()).isEqualTo(10);
        assertThat(service.verify(id(), codes.get(0), null).outcome())
                .isEqualTo(TwoFactorService.Outcome.RECOVERY_CODE_ACCEPTED);
    }

    @Test
    void theDeployCheckCountsStaffWithoutASecondFactor() {
        TwoFactorProperties notRequired = new TwoFactorProperties();
        notRequired.setRequiredFor(java.util.List.of());
        var check = new TwoFactorAutoConfiguration().portcullisStaffWithoutTwoFactorCheck(service, notRequired);
        long before = service.staffWithoutTwoFactor();
        assertThat(before).isPositive();
        assertThat(check.run()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("twofactor.W002");
            assertThat(m.message()).startsWith(before + " active staff user");
            assertThat(m.hint()).startsWith("Require it");
        });
        TwoFactorProperties required = new TwoFactorProperties();
        required.setRequiredFor(java.util.List.of("ROLE_STAFF"));
        assertThat(new TwoFactorAutoConfiguration().portcullisStaffWithoutTwoFactorCheck(service, required).run())
                .as("already required: no advice to require it").singleElement()
                .satisfies(m -> assertThat(m.hint()).doesNotContain("Require it").contains("next sign-in"));
        enrol();
        assertThat(service.staffWithoutTwoFactor()).isEqualTo(before - 1);
        jdbc.update("update portcullis_user set two_factor_enabled = true");
        assertThat(check.run()).isEmpty();
        jdbc.update("update portcullis_user set two_factor_enabled = false where id not in"
                + " (select user_id from portcullis_two_factor)");
    }

    @Test
    void anAdministratorResetsAnotherUsersSecondFactorOnlyWithUserChange() {
        enrol();
        Users.signInWith("helpdesk", "user:view");
        assertThatThrownBy(() -> service.reset(id())).isInstanceOf(AccessDeniedException.class);
        assertThat(service.isEnabled(id())).isTrue();

        Users.signInWith("boss", "user:change");
        service.reset(id());
        assertThat(service.isEnabled(id())).isFalse();
        assertThat(jdbc.queryForObject("select detail from portcullis_history where username = 'boss' and entity = 'user'"
                + " and object_id = ?", String.class, String.valueOf(id()))).isEqualTo("Reset two-factor sign-in");
        assertThat(jdbc.queryForObject("select count(*) from portcullis_recovery_code where user_id = ?", Long.class,
                id())).isZero();
        // Next time the password step sends them into the wizard again.
        assertThat(new TwoFactorPolicy(service).requiredStep(
                (AdminPrincipal) userDetailsService.loadUserByUsername(username))).hasValue(PendingSignIn.Step.ENROL);
    }
}
