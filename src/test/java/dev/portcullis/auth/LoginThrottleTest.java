package dev.portcullis.auth;

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

/** Locks, their growth and expiry, measured against a clock the test moves. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
@Import(LoginThrottleTest.Clocks.class)
class LoginThrottleTest {

    @TestConfiguration
    static class Clocks {

        @Bean
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        }
    }

    @Autowired
    LoginThrottleService throttle;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username, address);
        }
    }

    @Test
    void fiveFailuresLockAUsernameForFifteenMinutesThenLongerEachTime() {
        fail("alice", "10.0.0.1", 4);
        assertThat(throttle.check("alice", "10.0.0.9").allowed()).isTrue();
        fail("alice", "10.0.0.1", 1);
        LoginThrottleService.Decision locked = throttle.check("ALICE ", "10.0.0.9");
        assertThat(locked.allowed()).as("counted per username, whatever its case or address").isFalse();
        assertThat(locked.retryAfter()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.check("alice", "10.0.0.1").allowed()).isTrue();
        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.check("alice", "10.0.0.1").retryAfter())
                .as("the next lock lasts twice as long").isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(jdbc.queryForObject("select count(*) from portcullis_login_lock where throttle_key = 'user:alice'",
                Long.class)).isEqualTo(2);
    }

    @Test
    void aSuccessEndsTheRunOfFailures() {
        fail("bob", "10.0.1.1", 4);
        throttle.recordSuccess("bob", "10.0.1.1");
        fail("bob", "10.0.1.1", 4);
        assertThat(throttle.check("bob", "10.0.1.1").allowed()).isTrue();
    }

    @Test
    void anAddressFailingAcrossManyUsernamesIsLocked() {
        for (int i = 0; i < 49; i++) {
            throttle.recordFailure("spray-" + i, "192.0.2.7");
        }
        assertThat(throttle.check("someone-new", "192.0.2.7").allowed()).isTrue();
        throttle.recordFailure("spray-49", "192.0.2.7");
        assertThat(throttle.check("someone-new", "192.0.2.7").allowed()).isFalse();
        assertThat(throttle.check("someone-new", "192.0.2.8").allowed()).isTrue();
    }

    @Test
    void liftingALockIsRecordedWithWhoDidIt() {
        fail("carol", "10.0.2.1", 5);
        assertThat(throttle.check("carol", "10.0.2.1").allowed()).isFalse();
        throttle.unlock("user:carol", "root");
        assertThat(throttle.check("carol", "10.0.2.1").allowed()).isTrue();
        assertThat(jdbc.queryForObject("select unlocked_by from portcullis_login_lock where throttle_key = 'user:carol'",
                String.class)).isEqualTo("root");
    }

    @Test
    void unknownUsernamesAreCountedExactlyLikeRealOnes() {
        fail("no-such-user-anywhere", "10.0.3.1", 5);
        assertThat(throttle.check("no-such-user-anywhere", "10.0.3.1").allowed()).isFalse();
    }
}
