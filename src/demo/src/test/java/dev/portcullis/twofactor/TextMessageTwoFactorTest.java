package dev.portcullis.twofactor;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;

import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.auth.PendingSignIns;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.MutableClock;
import dev.portcullis.twofactor.internal.TwoFactorCodeView;
import dev.portcullis.twofactor.internal.TwoFactorService;
import dev.portcullis.twofactor.internal.TwoFactorSetupView;

/** The optional text-message method, with a sender that keeps what it would have sent. */
@SpringBootTest(classes = DemoApplication.class, properties = {"portcullis.two-factor.required-for=ROLE_STAFF",
        "portcullis.two-factor.sms.enabled=true"})
@ActiveProfiles("test")
@Import(TextMessageTwoFactorTest.Texts.class)
class TextMessageTwoFactorTest extends KaribuTest {

    private static final Pattern CODE = Pattern.compile("^(\\d{6}) is your Portcullis Bookshop sign-in code");

    record Text(String number, String body) {
    }

    @TestConfiguration
    static class Texts {
        static final List<Text> SENT = new CopyOnWriteArrayList<>();

        @Bean
        SmsSender recordingSender() {
            return (number, body) -> SENT.add(new Text(number, body));
        }

        @Bean
        MutableClock portcullisClock() {
            return new MutableClock(Instant.parse("2026-04-04T10:00:00Z"));
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    AdminUserService users;

    @Autowired
    TwoFactorService service;

    @Autowired
    JdbcTemplate jdbc;

    private static int counter;
    private String username;

    @BeforeEach
    void aStaffUserWhoMustSetItUp() {
        username = "sms" + (++counter);
        users.createUser(username, "correct horse battery staple", true, false, false);
        clock.advance(Duration.ofMinutes(20));
    }

    private static String lastCode() {
        Matcher matcher = CODE.matcher(Texts.SENT.get(Texts.SENT.size() - 1).body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private long id() {
        return users.findByUsername(username).orElseThrow().getId();
    }

    private void enrolByText() {
        PendingSignIns.signIn(userDetailsService, username, PendingSignIn.Step.ENROL, clock.instant());
        UI.getCurrent().navigate(DashboardView.class);
        TwoFactorSetupView wizard = _get(TwoFactorSetupView.class);
        // Security keys come first when that feature is on; the app, then text messages.
        assertThat(wizard.method.getListDataView().getItems().toList())
                .containsSubsequence(TwoFactorSetupView.APP, TwoFactorSetupView.TEXT);
        wizard.method.setValue(TwoFactorSetupView.TEXT);
        _click(wizard.next);
        assertThat(wizard.next.isEnabled()).as("no code sent yet").isFalse();
        wizard.phone.setValue("07700 900123");
        _click(wizard.sendCode);
        assertThat(wizard.problem.getText()).contains("international format");
        wizard.phone.setValue("+44 7700 900123");
        _click(wizard.sendCode);
        assertThat(Texts.SENT.get(Texts.SENT.size() - 1).number()).isEqualTo("+447700900123");
        _click(wizard.next);
        wizard.code.setValue("000000".equals(lastCode()) ? "111111" : "000000");
        _click(wizard.next);
        assertThat(service.isEnabled(id())).isFalse();
        wizard.code.setValue(lastCode());
        _click(wizard.next);
        assertThat(wizard.progress.getText()).startsWith("Step 4 of 4");
        wizard.recoveryCodes.stored.setValue(true);
        _click(wizard.next);
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOf(AdminPrincipal.class);
    }

    @Test
    void theWizardOffersTextMessagesAsTheWeakerMethodAndConfirmsTheNumber() {
        enrolByText();
        TwoFactorService.Status status = service.status(id());
        assertThat(status.textMessages()).isTrue();
        assertThat(status.phone()).isEqualTo("+••••••••0123");
        assertThat(jdbc.queryForObject("select secret_encrypted from portcullis_two_factor where user_id = ?",
                String.class, id())).doesNotContain("7700900123");
    }

    @Test
    void signingInTextsACodeThatWorksOnceAndExpires() {
        enrolByText();
        TwoFactorCodeView view = codeStep();
        assertThat(view.sendText.isVisible()).isTrue();
        _click(view.sendText);
        assertThat(view.instruction.getText()).contains("+••••••••0123");
        String code = lastCode();
        _click(view.sendText);
        assertThat(view.message.getText()).as("resend too soon").contains("Wait");
        view.code.setValue(code);
        _click(view.verify);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotInstanceOf(PendingSignIn.class);

        assertThat(service.verify(id(), code, null).outcome()).as("used once").isEqualTo(TwoFactorService.Outcome.WRONG);

        clock.advance(Duration.ofMinutes(2));
        service.sendSignInCode(id());
        String late = lastCode();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(service.verify(id(), late, null).outcome()).as("expired").isEqualTo(TwoFactorService.Outcome.WRONG);
    }

    @Test
    void aFailingGatewaySaysSoAndTheDeployCheckWarnsAboutTheMethod() {
        assertThat(new TwoFactorAutoConfiguration().portcullisTextMessageCheck(service).run())
                .extracting(m -> m.id()).containsExactly("twofactor.W003");
        TwoFactorService.Enrolment enrolment = service.beginTextMessageSetup(username);
        assertThatThrownBy(() -> service.sendSetupCode(enrolment, "+1 555"))
                .hasMessageContaining("international format");
    }

    private TwoFactorCodeView codeStep() {
        clock.advance(Duration.ofMinutes(2));
        PendingSignIns.signIn(userDetailsService, username, PendingSignIn.Step.VERIFY, clock.instant());
        UI.getCurrent().navigate(DashboardView.class);
        return _get(TwoFactorCodeView.class);
    }
}
