package dev.portcullis.twofactor;

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
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;

import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.auth.PendingSignIns;
import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.MutableClock;
import dev.portcullis.twofactor.internal.Totp;
import dev.portcullis.twofactor.internal.TwoFactorCodeView;
import dev.portcullis.twofactor.internal.TwoFactorService;
import dev.portcullis.twofactor.internal.TwoFactorSetupView;

/**
 * The step after the password expires when a code is submitted, not only when the user navigates: a right code
 * entered 331 seconds after the password (limit 5 minutes) does not sign in.
 */
@SpringBootTest(classes = DemoApplication.class, properties = "portcullis.two-factor.required-for=ROLE_STAFF")
@ActiveProfiles("test")
@Import(CodeStepTimeoutTest.Clocks.class)
class CodeStepTimeoutTest extends KaribuTest {

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
    SecondFactorSignIn signIn;

    private static int counter;
    private String username;
    private byte[] secret;
    private List<String> recoveryCodes;

    @BeforeEach
    void aStaffUserWithAnAuthenticator() {
        username = "timeout" + (++counter);
        users.createUser(username, PASSWORD, true, false, false);
        TwoFactorService.Enrolment enrolment = service.beginSetup(username);
        secret = enrolment.secret();
        recoveryCodes = service.confirm(id(), enrolment, code(), PendingSignIns.ADDRESS);
        clock.advance(Duration.ofSeconds(30)); // the confirming code's step is spent
    }

    @Test
    void aRightCodeSubmittedAfterTheLimitIsRefusedAndTheSignInStartsOver() {
        TwoFactorCodeView view = codeStep();
        clock.advance(Duration.ofSeconds(331));
        view.code.setValue(code());
        _click(view.verify);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("the pending sign-in is dropped").isNull();
        assertThat(users.findByUsername(username).orElseThrow().getLastLoginAt()).isNull();
    }

    @Test
    void aRecoveryCodeSubmittedAfterTheLimitIsRefusedAndNotSpent() {
        TwoFactorCodeView view = codeStep();
        clock.advance(Duration.ofMinutes(6));
        view.code.setValue(recoveryCodes.get(0));
        _click(view.verify);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(service.status(id()).recoveryCodesLeft()).isEqualTo(recoveryCodes.size());
    }

    @Test
    void aRightCodeWithinTheLimitSignsIn() {
        TwoFactorCodeView view = codeStep();
        clock.advance(Duration.ofSeconds(290));
        view.code.setValue(code());
        _click(view.verify);
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOf(AdminPrincipal.class);
    }

    @Test
    void finishingTheSignInIsRefusedOnceItsTimeIsUpWhoeverCallsIt() {
        PendingSignIn pending = PendingSignIns.signIn(userDetailsService, username, PendingSignIn.Step.VERIFY,
                clock.instant());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThatThrownBy(() -> signIn.complete(pending, Duration.ofMinutes(5)))
                .isInstanceOf(SecondFactorSignIn.ExpiredException.class);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("unchanged").isSameAs(pending);
    }

    @Test
    void finishingTheSetupWizardAfterItsLimitDoesNotSignIn() {
        String newcomer = "enrol" + counter;
        users.createUser(newcomer, PASSWORD, true, false, false);
        PendingSignIns.signIn(userDetailsService, newcomer, PendingSignIn.Step.ENROL, clock.instant());
        UI.getCurrent().navigate(DashboardView.class);
        TwoFactorSetupView wizard = _get(TwoFactorSetupView.class);
        _click(wizard.next);
        byte[] newSecret = wizard.enrolment.secret();
        _click(wizard.next);
        clock.advance(Duration.ofMinutes(16));
        wizard.code.setValue(Totp.code(newSecret, Totp.step(clock.instant())));
        _click(wizard.next);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(users.findByUsername(newcomer).orElseThrow().getLastLoginAt()).isNull();
    }

    private TwoFactorCodeView codeStep() {
        PendingSignIns.signIn(userDetailsService, username, PendingSignIn.Step.VERIFY, clock.instant());
        UI.getCurrent().navigate(DashboardView.class);
        return _get(TwoFactorCodeView.class);
    }

    private String code() {
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    private long id() {
        return users.findByUsername(username).orElseThrow().getId();
    }
}
