package dev.portcullis.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.portcullis.PortcullisContextRunner;
import dev.portcullis.checks.internal.CheckRegistry;
import dev.portcullis.testsupport.MutableClock;

/** Portcullis reads time and randomness from its own named beans; a host's beans of those types change nothing. */
class PortcullisClockTest {

    private static final Instant Y1999 = Instant.parse("1999-12-31T23:59:00Z");

    private final ApplicationContextRunner runner = PortcullisContextRunner.create();

    @Test
    void aHostClockDoesNotBecomeTheSecurityClock() {
        runner.withUserConfiguration(HostClock.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean("hostClock")).isSameAs(ctx.getBean(Clock.class));
            Clock ours = ctx.getBean("portcullisClock", Clock.class);
            assertThat(ours).isNotSameAs(ctx.getBean("hostClock"));
            assertThat(ours.instant()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
            // The registry stamps its findings with the framework's clock, not the host's 1999.
            assertThat(ctx.getBean(CheckRegistry.class).run(CheckRegistry.Scope.STARTUP, java.util.Set.of("admin")).ranAt())
                    .isAfter(Instant.parse("2020-01-01T00:00:00Z"));
        });
    }

    @Test
    void aHostSecureRandomDoesNotBecomeTheFrameworksRandomness() {
        runner.withUserConfiguration(HostRandom.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(SecureRandom.class)).isSameAs(ctx.getBean("hostRandom"));
            assertThat(ctx.getBean("portcullisSecureRandom")).isNotSameAs(ctx.getBean("hostRandom"));
        });
    }

    @Test
    void aBeanNamedPortcullisClockReplacesOurs() {
        runner.withUserConfiguration(TestClock.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean("portcullisClock")).isInstanceOf(MutableClock.class);
            assertThat(ctx.getBean(CheckRegistry.class).run(CheckRegistry.Scope.STARTUP, java.util.Set.of("admin")).ranAt()).isEqualTo(Y1999);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class HostClock {
        @Bean
        Clock hostClock() {
            return Clock.fixed(Y1999, ZoneOffset.UTC);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostRandom {
        @Bean
        SecureRandom hostRandom() {
            return new SecureRandom();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        MutableClock portcullisClock() {
            return new MutableClock(Y1999);
        }
    }
}
