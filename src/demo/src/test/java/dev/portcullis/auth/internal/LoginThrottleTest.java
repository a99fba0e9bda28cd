package dev.portcullis.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import dev.portcullis.auth.LoginThrottleProperties;

/** Locks, their growth and expiry, measured against a clock the test moves. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
@Import(LoginThrottleTest.Clocks.class)
class LoginThrottleTest {

    @TestConfiguration
    static class Clocks {

        @Bean
        MutableClock portcullisClock() {
            return new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        }
    }

    @Autowired
    LoginThrottleService throttle;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoginThrottleProperties properties;

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

    @Test
    void slotsAreTakenBeforeEvaluationSoAttemptsInFlightFillTheLimit() {
        List<LoginThrottleService.Attempt> slots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slots.add(throttle.reserve("dave", "10.0.4.1"));
        }
        assertThat(slots).allMatch(LoginThrottleService.Attempt::allowed);
        assertThat(throttle.reserve("dave", "10.0.4.2").allowed())
                .as("a sixth attempt is refused while the five are still being evaluated").isFalse();
        slots.forEach(throttle::failed);
        assertThat(throttle.check("dave", "10.0.4.1").retryAfter()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(jdbc.queryForObject("select count(*) from portcullis_login_lock where throttle_key = 'user:dave'",
                Long.class)).as("one lock for the run").isEqualTo(1);
    }

    @Test
    void aRightPasswordGivesItsSlotBack() {
        fail("erik", "10.0.5.1", 4);
        LoginThrottleService.Attempt right = throttle.reserve("erik", "10.0.5.1");
        assertThat(right.allowed()).isTrue();
        throttle.passed(right);
        assertThat(jdbc.queryForObject("select failures from portcullis_login_throttle where throttle_key = 'user:erik'",
                Integer.class)).as("owing a second factor: the run stays as it was").isEqualTo(4);
        LoginThrottleService.Attempt again = throttle.reserve("erik", "10.0.5.1");
        throttle.succeeded(again);
        assertThat(jdbc.queryForObject("select failures from portcullis_login_throttle where throttle_key = 'user:erik'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select window_failures from portcullis_login_throttle where throttle_key = ?",
                Integer.class, "ip:10.0.5.1")).as("the address counts failures only").isEqualTo(4);
    }

    @Test
    void anExpiredLockLeavesOneAttemptBeforeTheNextLongerOne() {
        fail("fay", "10.0.6.1", 5);
        clock.advance(Duration.ofMinutes(15));
        LoginThrottleService.Attempt one = throttle.reserve("fay", "10.0.6.1");
        assertThat(one.allowed()).isTrue();
        assertThat(throttle.reserve("fay", "10.0.6.1").allowed()).as("only one").isFalse();
        throttle.failed(one);
        assertThat(throttle.check("fay", "10.0.6.1").retryAfter()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void slotsLeftAtTheLimitByAStoppedNodeLockOnceTheyAreStale() {
        for (int i = 0; i < 5; i++) {
            throttle.reserve("gus", "10.0.7.1"); // never finished
        }
        assertThat(throttle.reserve("gus", "10.0.7.1").allowed()).isFalse();
        clock.advance(LoginCounters.IN_FLIGHT.plusSeconds(1));
        assertThat(throttle.reserve("gus", "10.0.7.1").allowed()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from portcullis_login_lock where throttle_key = 'user:gus'",
                Long.class)).as("recorded as a lock, visible to administrators").isEqualTo(1);
    }

    @Test
    void lockingByUsernameAndAddressLeavesOtherAddressesIn() {
        properties.setLockBy(LoginThrottleProperties.LockBy.USERNAME_AND_ADDRESS);
        try {
            fail("hana", "198.51.100.9", 5);
            assertThat(throttle.check("hana", "198.51.100.9").allowed()).as("the stranger's address").isFalse();
            assertThat(throttle.reserve("hana", "10.0.8.1").allowed()).as("the office").isTrue();
            assertThat(jdbc.queryForObject("select count(*) from portcullis_login_lock where throttle_key = ?",
                    Long.class, "pair:198.51.100.9/hana")).isEqualTo(1);
        } finally {
            properties.setLockBy(LoginThrottleProperties.LockBy.USERNAME);
        }
    }

    @Test
    void lockingByUsernameAndAddressStillLimitsAUsernameAcrossAddresses() {
        properties.setLockBy(LoginThrottleProperties.LockBy.USERNAME_AND_ADDRESS);
        try {
            for (int i = 0; i < properties.getMaxAttemptsPerHour(); i++) {
                LoginThrottleService.Attempt slot = throttle.reserve("ida", "10.1." + (i / 4) + "." + i % 4);
                assertThat(slot.allowed()).isTrue();
                throttle.failed(slot);
            }
            assertThat(throttle.reserve("ida", "10.2.0.1").allowed()).as("a fresh address, but the hour is used up")
                    .isFalse();
        } finally {
            properties.setLockBy(LoginThrottleProperties.LockBy.USERNAME);
        }
    }
}
