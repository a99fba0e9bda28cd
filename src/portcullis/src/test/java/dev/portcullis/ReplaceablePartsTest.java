package dev.portcullis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.AopTestUtils;

import dev.portcullis.admin.AdminHistory;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.ui.internal.AdminMenu;
import dev.portcullis.auth.AccountNotifier;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.internal.LoginThrottleService;
import dev.portcullis.auth.SecondFactorPolicy;
import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.auth.internal.SessionTracker;
import dev.portcullis.checks.internal.CheckRegistry;
import dev.portcullis.checks.checkup.internal.Checkup;
import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.honeypot.internal.HoneypotAlerts;
import dev.portcullis.honeypot.internal.HoneypotService;
import dev.portcullis.password.PasswordPolicy;
import dev.portcullis.perimeter.internal.ClientAddressResolver;
import dev.portcullis.twofactor.internal.TwoFactorService;

/**
 * Every part a host may replace: a bean of the type in the host application makes Portcullis's own back off, and
 * the one in the context is the host's.
 */
class ReplaceablePartsTest {

    private final ApplicationContextRunner runner = PortcullisContextRunner.create();

    static Stream<Class<?>> replaceableTypes() {
        return Stream.of(AdminRegistry.class, AdminEntityService.class, AdminPageTitles.class, AdminMenu.class,
                AdminUserService.class, AccountNotifier.class, SessionTracker.class, LoginThrottleService.class,
                SecondFactorSignIn.class, SecondFactorPolicy.class, TwoFactorService.class, AdminHistory.class,
                PasswordPolicy.class, HoneypotService.class, HoneypotAlerts.class, CheckRegistry.class,
                Checkup.class, ClientAddressResolver.class);
    }

    @ParameterizedTest(name = "a host {0} replaces ours")
    @MethodSource("replaceableTypes")
    <T> void aHostBeanOfTheTypeReplacesOurs(Class<T> type) {
        T host = type.cast(hostPart(type));
        runner.withBean("hostPart", type, () -> host).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).hasSingleBean(type);
            assertThat(ctx.getBeanNamesForType(type)).containsExactly("hostPart");
            // The services with @Transactional methods are proxied, the host's as ours were.
            assertThat((Object) AopTestUtils.getUltimateTargetObject(ctx.getBean(type))).isSameAs(host);
        });
    }

    /** A host's own part: a mock, or a real one where the start-up calls it (the registry runs its checks). */
    private static Object hostPart(Class<?> type) {
        if (type == CheckRegistry.class) {
            return new CheckRegistry(Map.of(), Set.of(), Clock.systemUTC());
        }
        return Mockito.mock(type);
    }

    @org.junit.jupiter.api.Test
    void aHostEnvironmentInfoReplacesOurs() {
        EnvironmentInfo host = new EnvironmentInfo("staging", "#1565c0", "#ffffff", false, 10, false);
        runner.withBean("hostPart", EnvironmentInfo.class, () -> host).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).hasSingleBean(EnvironmentInfo.class);
            assertThat(ctx.getBean(EnvironmentInfo.class)).isSameAs(host);
        });
    }
}
