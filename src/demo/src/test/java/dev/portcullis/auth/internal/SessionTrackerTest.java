package dev.portcullis.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.MutableClock;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminUserDetailsService;
import dev.portcullis.auth.AdminUserService;

/** Idle and absolute timeouts, measured against a clock the test moves. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
@Import(SessionTrackerTest.Clocks.class)
class SessionTrackerTest {

    @TestConfiguration
    static class Clocks {

        @Bean
        MutableClock portcullisClock() {
            return new MutableClock(Instant.parse("2026-02-02T08:00:00Z"));
        }
    }

    @Autowired
    SessionTracker tracker;

    @Autowired
    AdminUserService users;

    @Autowired
    AdminUserDetailsService userDetails;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private AdminPrincipal user(String name) {
        if (users.findByUsername(name).isEmpty()) {
            users.createUser(name, "correct horse battery staple", true, false, false);
        }
        return (AdminPrincipal) userDetails.loadUserByUsername(name);
    }

    @Test
    void aRequestOfASessionThatAParallelRequestAlreadyInvalidatedIsSentToSignInNotFailed() throws Exception {
        AdminPrincipal henry = user("henry");
        assertThat(tracker.touch("s-raced", henry, "10.1.1.3", "Firefox", true)).isNull();
        tracker.endOthers(henry.getUserId(), null, "ended by an administrator");
        // A parallel request of the same session, which saw the end first, invalidates it while this one is
        // between reading the session and ending it.
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession(null,
                "s-raced") {
            private boolean parallelRequestDone;

            @Override
            public String getId() {
                if (!parallelRequestDone) {
                    parallelRequestDone = true;
                    super.invalidate();
                }
                return super.getId();
            }
        };

        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/console/");
        request.setSession(session);
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        var chain = new org.springframework.mock.web.MockFilterChain();
        var filter = new SessionTrackingFilter(new org.springframework.beans.factory.support.StaticListableBeanFactory(
                java.util.Map.of("tracker", tracker)).getBeanProvider(SessionTracker.class), "/console");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(henry,
                        null, henry.getAuthorities()));
        try {
            filter.doFilter(request, response, chain);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        assertThat(response.getRedirectedUrl()).isEqualTo("/console/login");
        assertThat(chain.getRequest()).as("the request went no further").isNull();
    }

    @Test
    void heartbeatsDoNotKeepAnIdleSessionAlive() {
        AdminPrincipal frank = user("frank");
        assertThat(tracker.touch("s-idle", frank, "10.1.1.1", "Firefox", true)).isNull();
        for (int minute = 5; minute < 30; minute += 5) {
            clock.advance(Duration.ofMinutes(5));
            assertThat(tracker.touch("s-idle", frank, "10.1.1.1", "Firefox", false)).isNull();
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(tracker.touch("s-idle", frank, "10.1.1.1", "Firefox", false)).isEqualTo("idle-timeout");
        assertThat(tracker.touch("s-idle", frank, "10.1.1.1", "Firefox", true)).as("an ended session stays ended")
                .isEqualTo("idle-timeout");
    }

    @Test
    void activityKeepsASessionAliveUntilTheAbsoluteTimeout() {
        AdminPrincipal grace = user("grace");
        assertThat(tracker.touch("s-busy", grace, "10.1.1.2", "Chromium", true)).isNull();
        for (int i = 0; i < 71; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(tracker.touch("s-busy", grace, "10.1.1.2", "Chromium", true)).as("after %d minutes", (i + 1) * 10)
                    .isNull();
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(tracker.touch("s-busy", grace, "10.1.1.2", "Chromium", true)).isEqualTo("absolute-timeout");
    }

    @Test
    void disablingAUserEndsTheirSessions() {
        AdminPrincipal heidi = user("heidi");
        assertThat(tracker.touch("s-heidi", heidi, "10.1.1.3", "Safari", true)).isNull();
        jdbc.update("update portcullis_user set active = false where username = 'heidi'");
        assertThat(tracker.touch("s-heidi", heidi, "10.1.1.3", "Safari", true)).isEqualTo("user-disabled");
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsOnly() {
        AdminPrincipal ivan = user("ivan");
        tracker.touch("s-ivan-laptop", ivan, "10.1.1.4", "Firefox", true);
        tracker.touch("s-ivan-phone", ivan, "10.1.1.5", "Mobile Safari", true);
        users.changeOwnPassword(ivan, "correct horse battery staple", "quiet lantern over harbour water",
                "quiet lantern over harbour water", "s-ivan-laptop");
        assertThat(tracker.touch("s-ivan-laptop", ivan, "10.1.1.4", "Firefox", true)).isNull();
        assertThat(tracker.touch("s-ivan-phone", ivan, "10.1.1.5", "Mobile Safari", true)).isEqualTo("password-changed");
    }

    @Test
    void sessionIdsAreStoredOnlyAsHashes() {
        AdminPrincipal judy = user("judy");
        tracker.touch("raw-session-id-123", judy, "10.1.1.6", "Edge", true);
        assertThat(jdbc.queryForObject("select count(*) from portcullis_session where session_hash like '%raw-session%'",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("select session_hash from portcullis_session where username = 'judy'",
                String.class)).hasSize(64).isEqualTo(SessionTracker.hash("raw-session-id-123"));
    }
}
