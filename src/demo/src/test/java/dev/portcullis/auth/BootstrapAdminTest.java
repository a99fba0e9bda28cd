package dev.portcullis.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.auth.internal.BootstrapAdmin;

/**
 * The first start of an empty installation, as an operator would see it in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminTest {

    private static final Pattern PRINTED = Pattern.compile("one-time password: (\\S+)");

    @Test
    void firstStartCreatesASuperuserWithAPrintedOneTimePassword(CapturedOutput output) {
        String db = "jdbc:h2:mem:bootstrap-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        String password;
        try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + db)) {
            Matcher printed = PRINTED.matcher(output.getOut());
            assertThat(printed.find()).as("the generated password is printed").isTrue();
            password = printed.group(1);
            assertThat(password).hasSize(BootstrapAdmin.GENERATED_LENGTH).matches("[A-Za-z2-9]+");

            AdminUser admin = app.getBean(AdminUserRepository.class).findByUsername("admin").orElseThrow();
            assertThat(admin.isStaff()).isTrue();
            assertThat(admin.isSuperuser()).isTrue();
            assertThat(admin.isMustChangePassword()).isTrue();
            assertThat(admin.getPasswordHash()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(app.getBean(PasswordEncoder.class).matches(password, admin.getPasswordHash())).isTrue();
        }
        // A second start on the same database creates and prints nothing new.
        try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + db)) {
            assertThat(PRINTED.matcher(output.getOut()).results().count()).isEqualTo(1);
            assertThat(app.getBean(AdminUserRepository.class).count()).isEqualTo(1);
        }
    }

    @Test
    void passwordFromTheEnvironmentIsUsedAndNeverPrinted(CapturedOutput output) {
        String chosen = "a long chosen bootstrap passphrase";
        try (ConfigurableApplicationContext app = start(
                "--spring.datasource.url=jdbc:h2:mem:bootstrap-env-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--portcullis.bootstrap.username=root-admin", "--portcullis.bootstrap.password=" + chosen)) {
            AdminUser admin = app.getBean(AdminUserRepository.class).findByUsername("root-admin").orElseThrow();
            assertThat(admin.isMustChangePassword()).as("changed at first sign-in, like a generated one").isTrue();
            assertThat(app.getBean(PasswordEncoder.class).matches(chosen, admin.getPasswordHash())).isTrue();
            assertThat(output.getOut()).doesNotContain(chosen).doesNotContain("one-time password");
            assertThat(deployFindings(app)).contains("security.W050", "security.W057");
        }
    }

    @Test
    void keepingThePasswordFromTheEnvironmentIsExplicitLoggedAndStillReported(CapturedOutput output) {
        String chosen = "a long chosen bootstrap passphrase";
        try (ConfigurableApplicationContext app = start(
                "--spring.datasource.url=jdbc:h2:mem:bootstrap-keep-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--portcullis.bootstrap.password=" + chosen, "--portcullis.bootstrap.keep-environment-password=true")) {
            AdminUser admin = app.getBean(AdminUserRepository.class).findByUsername("admin").orElseThrow();
            assertThat(admin.isMustChangePassword()).isFalse();
            assertThat(output.getOut()).containsPattern("WARN .*keep-environment-password=true asks, without a forced");
            assertThat(deployFindings(app)).contains("security.W057").doesNotContain("security.W050");

            PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
            app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).update(
                    "update portcullis_user set password_hash = ? where username = 'admin'",
                    encoder.encode("a different passphrase entirely"));
            assertThat(deployFindings(app)).as("reported only while it still has that password")
                    .doesNotContain("security.W057");
        }
    }

    private static java.util.List<String> deployFindings(ConfigurableApplicationContext app) {
        return app.getBean(dev.portcullis.checks.internal.CheckRegistry.class)
                .run(dev.portcullis.checks.internal.CheckRegistry.Scope.DEPLOY).findings().stream()
                .map(dev.portcullis.checks.CheckMessage::id).toList();
    }

    @Test
    void weakPasswordFromTheEnvironmentStopsTheStart() {
        assertThatThrownBy(() -> start(
                "--spring.datasource.url=jdbc:h2:mem:bootstrap-weak-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--portcullis.bootstrap.password=admin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PORTCULLIS_BOOTSTRAP_PASSWORD does not satisfy the password policy")
                .hasMessageContaining("Use at least 12 characters");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(DemoApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .properties("server.port=0")
                .run(args);
    }
}
