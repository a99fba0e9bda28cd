package dev.portcullis.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.internal.ChecksFailedException;
import dev.portcullis.demo.DemoApplication;

/**
 * The prod profile refuses to start with any development-only setting on, names the setting and the fix, and
 * accepts an explicit, logged override.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionGuardTest {

    static final String GOOD_KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdefghijklmnopqrstuvwxyzABCD".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private static List<String> safeProduction(String... overrides) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=prod", "--portcullis.secret-key=" + GOOD_KEY,
                "--spring.datasource.url=jdbc:h2:mem:guard-" + System.nanoTime(), "--server.port=0",
                "--portcullis.admin.allowed-hosts=admin.example.com"));
        for (String override : overrides) {
            String name = override.substring(0, override.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(name));
            args.add(override);
        }
        return args;
    }

    private static void start(List<String> args) {
        new SpringApplicationBuilder(DemoApplication.class).run(args.toArray(String[]::new)).close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--spring.h2.console.enabled=true|environment.E001|spring.h2.console.enabled",
        "--vaadin.productionMode=false|environment.E002|vaadin.productionMode",
        "--server.error.include-stacktrace=always|environment.E003|server.error.include-stacktrace",
        "--server.error.include-message=always|environment.E003|server.error.include-message",
        "--demo.data.enabled=true|environment.E004|demo.data.enabled",
        "--portcullis.secret-key=changeme|environment.E005|is a placeholder",
        "--portcullis.secret-key=c2hvcnQ=|environment.E005|needs at least 32",
        "--portcullis.admin.allowed-hosts=|security.E060|portcullis.admin.allowed-hosts"})
    void eachDevelopmentSettingStopsAProductionStart(String setting, String id, String named) {
        assertThatThrownBy(() -> start(safeProduction(setting)))
                .isInstanceOf(ChecksFailedException.class)
                .satisfies(e -> assertThat(((ChecksFailedException) e).getMessages()).singleElement().satisfies(m -> {
                    assertThat(m.id()).isEqualTo(id);
                    assertThat(m.message() + " " + m.hint()).contains(named);
                    assertThat(m.hint()).contains("portcullis.environment.allow-unsafe=");
                }));
    }

    @Test
    void aMissingSecretKeyStopsAProductionStart() {
        List<String> args = new ArrayList<>(safeProduction());
        args.removeIf(a -> a.startsWith("--portcullis.secret-key"));
        assertThatThrownBy(() -> start(args)).isInstanceOf(ChecksFailedException.class)
                .hasMessageContaining("environment.E005").hasMessageContaining("is not set");
    }

    @Test
    void theFailureAnalysisNamesTheSettingAndTheFix(CapturedOutput output) {
        assertThatThrownBy(() -> start(safeProduction("--spring.h2.console.enabled=true")));
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("(environment.E001) The H2 web console is enabled")
                .contains("Set spring.h2.console.enabled=false");
    }

    @Test
    void anOverrideIsHonouredAndLogged(CapturedOutput output) {
        List<CheckMessage> none = new ArrayList<>();
        start(safeProduction("--demo.data.enabled=true", "--portcullis.environment.allow-unsafe=demo-data"));
        assertThat(none).isEmpty();
        assertThat(output.getOut()).contains("PRODUCTION GUARD OVERRIDDEN by portcullis.environment.allow-unsafe=demo-data");
    }

    @Test
    void withoutAllowedHostsProductionStartsOnlyByAnExplicitLoggedOverride(CapturedOutput output) {
        List<String> args = new ArrayList<>(safeProduction());
        args.removeIf(a -> a.startsWith("--portcullis.admin.allowed-hosts"));
        assertThatThrownBy(() -> start(args)).isInstanceOf(ChecksFailedException.class)
                .hasMessageContaining("security.E060");

        args.add("--portcullis.environment.allow-unsafe=any-host");
        start(args);
        assertThat(output.getOut()).contains("PRODUCTION GUARD OVERRIDDEN by portcullis.environment.allow-unsafe=any-host");
    }

    @Test
    void theCheckCommandIsNotStoppedByMissingHosts() {
        var environment = new org.springframework.core.env.StandardEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.SimpleCommandLinePropertySource(
                "check", "--deploy", "--spring.profiles.active=prod"));
        environment.setActiveProfiles("prod");
        assertThat(ProductionGuard.check(environment)).extracting(r -> r.message().id())
                .doesNotContain("security.E060");
    }

    @Test
    void otherProfilesAreNotGuarded() {
        start(List.of("--spring.profiles.active=test", "--server.port=0", "--spring.h2.console.enabled=true"));
    }

    @Test
    void secretKeysAreJudgedOnRandomLength() {
        assertThat(ProductionGuard.weakness(GOOD_KEY)).isNull();
        assertThat(ProductionGuard.weakness(null)).isEqualTo("is not set");
        assertThat(ProductionGuard.weakness("secret")).isEqualTo("is a placeholder");
        assertThat(ProductionGuard.weakness("not base64!")).isEqualTo("is not Base64");
        assertThat(ProductionGuard.weakness(Base64.getEncoder().encodeToString(new byte[40])))
                .isEqualTo("is not random (too few distinct bytes)");
    }
}
