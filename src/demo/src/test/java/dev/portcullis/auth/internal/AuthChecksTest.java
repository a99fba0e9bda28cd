package dev.portcullis.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.internal.CheckRegistry;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.auth.LoginThrottleProperties;
import dev.portcullis.auth.SessionProperties;

/** Sign-in deploy checks: the first user's one-time password, throttling and session lifetimes. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class AuthChecksTest {

    @Autowired
    CheckRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    private List<String> ids() {
        return registry.run(CheckRegistry.Scope.DEPLOY).findings().stream().map(CheckMessage::id).toList();
    }

    @Test
    void theBootstrapPasswordIsReportedUntilChanged() {
        assertThat(registry.run(CheckRegistry.Scope.DEPLOY).findings())
                .filteredOn(m -> m.id().equals("security.W050")).singleElement()
                .satisfies(m -> assertThat(m.message()).contains("Superuser admin still has the one-time password"));

        jdbc.update("update portcullis_user set must_change_password = false where username = 'admin'");
        try {
            assertThat(ids()).doesNotContain("security.W050");
        } finally {
            jdbc.update("update portcullis_user set must_change_password = true where username = 'admin'");
        }
    }

    @Test
    void throttlingOffOrWeakIsReported() {
        LoginThrottleProperties login = new LoginThrottleProperties();
        assertThat(AuthChecks.lockout(login)).isEmpty();

        login.setEnabled(false);
        assertThat(AuthChecks.lockout(login)).extracting(CheckMessage::id).containsExactly("security.W051");

        login.setEnabled(true);
        login.setMaxFailures(50);
        login.setLockDuration(Duration.ofSeconds(10));
        assertThat(AuthChecks.lockout(login)).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo("security.W052"))
                .satisfies(m -> assertThat(m.message()).contains("max-failures=50", "lock-duration=10s"));
    }

    @Test
    void sessionsLongerThanAsvsAllowsAreReported() {
        SessionProperties sessions = new SessionProperties();
        assertThat(AuthChecks.sessionLifetimes(sessions)).isEmpty();

        sessions.setIdleTimeout(Duration.ofHours(2));
        sessions.setAbsoluteTimeout(Duration.ofDays(7));
        assertThat(AuthChecks.sessionLifetimes(sessions)).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo("security.W053"))
                .satisfies(m -> assertThat(m.message()).contains("idle-timeout=120m", "absolute-timeout=168h"));
    }

    @Test
    void theApplicationRegistersEveryFeaturesChecks() {
        assertThat(registry.size()).isGreaterThanOrEqualTo(20);
        assertThat(ids()).contains("security.W046", "database.W001", "mail.W001", "versions.I010");
    }
}
