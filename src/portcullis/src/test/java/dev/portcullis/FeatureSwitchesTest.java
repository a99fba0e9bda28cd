package dev.portcullis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.portcullis.admin.AdminHistory;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.checks.Check;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.ChecksAutoConfiguration;
import dev.portcullis.honeypot.internal.HoneypotService;
import dev.portcullis.perimeter.PerimeterAutoConfiguration;
import dev.portcullis.twofactor.internal.TwoFactorService;

/**
 * Each {@code portcullis.<feature>.enabled} switch: on by default; off, the feature's beans are gone and the deploy
 * checks say so.
 */
class FeatureSwitchesTest {

    private final ApplicationContextRunner host = PortcullisContextRunner.create();

    @Test
    void everyFeatureIsOnByDefaultAndNothingIsReported() {
        host.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).hasSingleBean(TwoFactorService.class).hasSingleBean(HoneypotService.class)
                    .hasSingleBean(AdminHistory.class).hasBean("portcullisStartupChecks");
            assertThat(ids(ctx, "portcullisFeatureSwitchesCheck")).isEmpty();
            assertThat(ids(ctx, "portcullisHoneypotChecks")).doesNotContain("honeypot.W001");
        });
    }

    @Test
    void twoFactorSwitchedOffLeavesNoTwoFactorBeansAndIsReported() {
        host.withPropertyValues("portcullis.two-factor.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(TwoFactorService.class)
                    .doesNotHaveBean(dev.portcullis.auth.SecondFactorPolicy.class);
            assertThat(ids(ctx, "portcullisFeatureSwitchesCheck")).containsExactly("security.W080");
        });
    }

    @Test
    void historySwitchedOffRecordsNothingAndIsReported() {
        host.withPropertyValues("portcullis.audit.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(AdminHistory.class).doesNotHaveBean("portcullisHistoryChainCheck");
            assertThat(ids(ctx, "portcullisFeatureSwitchesCheck")).containsExactly("security.W081");
        });
    }

    @Test
    void honeypotSwitchedOffLeavesOnlyItsCheckWhichReportsIt() {
        host.withPropertyValues("portcullis.honeypot.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(HoneypotService.class).doesNotHaveBean("portcullisHoneypotGuard")
                    .doesNotHaveBean("portcullisHoneypotBlockAdmin");
            assertThat(ids(ctx, "portcullisHoneypotChecks")).contains("honeypot.W001");
        });
    }

    @Test
    void startupChecksSwitchedOffAreNotRunAndAreReported() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChecksAutoConfiguration.class))
                .withPropertyValues("portcullis.checks.startup-enabled=false").run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx).doesNotHaveBean("portcullisStartupChecks");
                    assertThat(ids(ctx, "portcullisFeatureSwitchesCheck")).containsExactly("security.W083");
                });
    }

    @Test
    void securityHeadersAreSentByDefault() {
        perimeter().run(ctx -> assertThat(ctx).hasBean("portcullisSecurityHeadersFilter")
                .hasBean("portcullisVaadinScriptNonces").hasBean("portcullisAdminGateFilter"));
    }

    @Test
    void securityHeadersSwitchedOffAreNotSentAndAreReported() {
        perimeter().withPropertyValues("portcullis.headers.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean("portcullisSecurityHeadersFilter")
                    .doesNotHaveBean("portcullisVaadinScriptNonces")
                    // Only the headers: who may reach the admin is still decided.
                    .hasBean("portcullisAdminGateFilter");
            assertThat(ids(ctx, "portcullisFeatureSwitchesCheck")).containsExactly("security.W082");
        });
    }

    private static WebApplicationContextRunner perimeter() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PerimeterAutoConfiguration.class,
                        ChecksAutoConfiguration.class))
                .withUserConfiguration(AdminSettings.class);
    }

    private static List<String> ids(ApplicationContext ctx, String check) {
        return ctx.getBean(check, Check.class).run().stream().map(CheckMessage::id).toList();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdminProperties.class)
    static class AdminSettings {
    }
}
