package dev.portcullis.password.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.internal.CheckRegistry;
import dev.portcullis.checks.ChecksAutoConfiguration;
import dev.portcullis.password.PasswordAutoConfiguration;

/** security.W047-W049: the password policy compared with ASVS, as configured by properties. */
class PasswordPolicyChecksTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PasswordAutoConfiguration.class, ChecksAutoConfiguration.class));

    private void assertIds(String[] properties, List<String> present, List<String> absent) {
        runner.withPropertyValues(properties).run(context -> {
            List<String> ids = context.getBean(CheckRegistry.class).run(CheckRegistry.Scope.DEPLOY).findings()
                    .stream().map(CheckMessage::id).toList();
            assertThat(ids).containsAll(present);
            absent.forEach(id -> assertThat(ids).doesNotContain(id));
        });
    }

    @Test
    void theDefaultPolicyPasses() {
        assertIds(new String[0], List.of(), List.of("security.W047", "security.W048", "security.W049"));
    }

    @Test
    void aWeakerPolicyIsReported() {
        assertIds(new String[] {"portcullis.password.min-length=8", "portcullis.password.min-score=2",
                "portcullis.password.refuse-common=false"},
                List.of("security.W047", "security.W048", "security.W049"), List.of());
    }
}
