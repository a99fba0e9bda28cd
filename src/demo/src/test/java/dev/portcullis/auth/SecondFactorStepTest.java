package dev.portcullis.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.auth.internal.LoginThrottleService;
import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.auth.internal.ThrottlingAuthenticationProvider;

/** The password step of a sign-in that owes a second factor: what it hands over, and what it does not reset. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class SecondFactorStepTest {

    @Autowired
    AdminUserService users;

    @Autowired
    AdminUserDetailsService userDetails;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    LoginThrottleService throttle;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("portcullisClock")
    Clock clock;

    private ThrottlingAuthenticationProvider provider(SecondFactorPolicy policy) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(encoder);
        return new ThrottlingAuthenticationProvider(passwords, throttle, policy, clock);
    }

    @Test
    void aCorrectPasswordOwingASecondFactorYieldsAPendingSignInWithNoAuthority() {
        users.createUser("pending1", "correct horse battery staple", true, true, false);
        Authentication result = provider(user -> Optional.of(PendingSignIn.Step.VERIFY)).authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("pending1", "correct horse battery staple"));
        assertThat(result).isInstanceOf(PendingSignIn.class);
        assertThat(result.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly(PendingSignIn.AUTHORITY);
        assertThat(result.getPrincipal()).isEqualTo("pending1");
        // Even a superuser's pending sign-in grants nothing.
        assertThat(AdminPermissions.grants(result, "user:view")).isFalse();
        assertThat(((PendingSignIn) result).getStep()).isEqualTo(PendingSignIn.Step.VERIFY);
    }

    @Test
    void aCorrectPasswordDoesNotResetTheFailureCountUntilTheSecondStepSucceeds() {
        users.createUser("pending2", "correct horse battery staple", true, false, false);
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("pending2", null);
        }
        provider(user -> Optional.of(PendingSignIn.Step.VERIFY)).authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("pending2", "correct horse battery staple"));
        assertThat(jdbc.queryForObject("select failures from portcullis_login_throttle where throttle_key = ?",
                Integer.class, "user:pending2")).isEqualTo(3);

        provider(user -> Optional.empty()).authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("pending2", "correct horse battery staple"));
        assertThat(jdbc.queryForObject("select failures from portcullis_login_throttle where throttle_key = ?",
                Integer.class, "user:pending2")).isZero();
    }
}
