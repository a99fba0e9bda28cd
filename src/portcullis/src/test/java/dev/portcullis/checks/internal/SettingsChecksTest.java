package dev.portcullis.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.ChecksAutoConfiguration;

/** Each settings check, once passing and once failing, read from properties as an operator would set them. */
class SettingsChecksTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChecksAutoConfiguration.class));

    /** Ids found by a deploy run with these properties. */
    private void assertFindings(List<String> properties, String id, boolean expected) {
        runner.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            List<String> ids = context.getBean(CheckRegistry.class).run(CheckRegistry.Scope.DEPLOY).findings()
                    .stream().map(CheckMessage::id).toList();
            if (expected) {
                assertThat(ids).as("%s with %s", id, properties).contains(id);
            } else {
                assertThat(ids).as("%s with %s", id, properties).doesNotContain(id);
            }
        });
    }

    private void fails(String id, String... properties) {
        assertFindings(List.of(properties), id, true);
    }

    private void passes(String id, String... properties) {
        assertFindings(List.of(properties), id, false);
    }

    @Test
    void vaadinDevelopmentModeIsReported() {
        fails("security.W041");
        fails("security.W041", "vaadin.productionMode=false");
        passes("security.W041", "vaadin.productionMode=true");
        passes("security.W041", "vaadin.production-mode=true");
    }

    @Test
    void errorDetailsInResponsesAreReported() {
        passes("security.W042");
        fails("security.W042", "server.error.include-stacktrace=always");
        fails("security.W042", "server.error.include-message=on_param");
        fails("security.W042", "server.error.include-exception=true");
        passes("security.W042", "server.error.include-stacktrace=never", "server.error.include-message=never");
    }

    @Test
    void theH2ConsoleIsReported() {
        passes("security.W043");
        fails("security.W043", "spring.h2.console.enabled=true");
    }

    @Test
    void devtoolsOnTheClasspathIsReported() {
        passes("security.W044");
        assertThat(new SettingsChecks(new MockEnvironment(), SettingsChecks.DEVTOOLS::equals).devtools())
                .extracting(CheckMessage::id).containsExactly("security.W044");
    }

    @Test
    void actuatorExposingMoreThanHealthIsReported() {
        MockEnvironment everything = new MockEnvironment()
                .withProperty("management.endpoints.web.exposure.include", "health,env,heapdump");
        assertThat(new SettingsChecks(everything, SettingsChecks.ACTUATOR::equals).actuatorExposure())
                .extracting(CheckMessage::message).singleElement().asString().contains("env, heapdump");
        MockEnvironment star = new MockEnvironment().withProperty("management.endpoints.web.exposure.include", "*");
        assertThat(new SettingsChecks(star, SettingsChecks.ACTUATOR::equals).actuatorExposure()).hasSize(1);
        MockEnvironment health = new MockEnvironment().withProperty("management.endpoints.web.exposure.include", "health");
        assertThat(new SettingsChecks(health, SettingsChecks.ACTUATOR::equals).actuatorExposure()).isEmpty();
        assertThat(new SettingsChecks(new MockEnvironment(), SettingsChecks.ACTUATOR::equals).actuatorExposure())
                .as("the default exposes only health").isEmpty();
        // Without Actuator on the classpath nothing is exposed, whatever the property says.
        passes("security.W045", "management.endpoints.web.exposure.include=*");
    }

    @Test
    void longServletSessionsAreReported() {
        passes("security.W054");
        passes("security.W054", "server.servlet.session.timeout=30m");
        fails("security.W054", "server.servlet.session.timeout=8h");
    }

    @Test
    void tlsBelowOnePointTwoIsReported() {
        passes("security.W055");
        passes("security.W055", "server.ssl.enabled-protocols=TLSv1.3,TLSv1.2");
        fails("security.W055", "server.ssl.enabled-protocols=TLSv1.2,TLSv1.1");
        fails("security.W055", "server.ssl.protocol=TLSv1");
    }

    @Test
    void sqlInTheLogIsReported() {
        passes("config.W001");
        fails("config.W001", "spring.jpa.show-sql=true");
        fails("config.W001", "logging.level.org.hibernate.SQL=debug");
        passes("config.W001", "logging.level.org.hibernate.SQL=warn");
    }

    @Test
    void debugLoggingIsReported() {
        passes("config.W002");
        passes("config.W002", "logging.level.root=info");
        fails("config.W002", "logging.level.root=debug");
        fails("config.W002", "logging.level.org.springframework.security=trace");
        fails("config.W002", "debug=true");
    }

    @Test
    void theDevProfileIsReported() {
        passes("config.W003", "spring.profiles.active=prod");
        runner.withPropertyValues("spring.profiles.active=dev").run(context -> {
            // Profiles given as a property are only activated by a SpringApplication; set them directly here.
            MockEnvironment dev = new MockEnvironment();
            dev.setActiveProfiles("dev");
            assertThat(new SettingsChecks(dev).devProfile()).extracting(CheckMessage::id).containsExactly("config.W003");
        });
    }

    @Test
    void mailNotConfiguredIsReported() {
        fails("mail.W001");
        passes("mail.W001", "spring.mail.host=smtp.example.com", "portcullis.mail.from=admin@example.com");
        fails("mail.W002", "spring.mail.host=smtp.example.com");
        passes("mail.W002", "spring.mail.host=smtp.example.com", "portcullis.mail.from=admin@example.com");
    }
}
