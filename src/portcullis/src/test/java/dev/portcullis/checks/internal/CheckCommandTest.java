package dev.portcullis.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import dev.portcullis.checks.Check;
import dev.portcullis.checks.CheckMessage;

/** {@code check}: arguments, Django-style output and exit codes (the jar itself is run by CheckCommandIT). */
class CheckCommandTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final AtomicInteger exitCode = new AtomicInteger(-1);

    private String run(String... args) {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("settings", new Check() {
            @Override
            public List<CheckMessage> run() {
                return List.of(CheckMessage.warning("config.W999", "startup.setting", "A start-up warning.", null));
            }

            @Override
            public boolean deploy() {
                return false;
            }
        });
        checks.put("hsts", Check.deploy("security", () -> List.of(CheckMessage.warning("security.W004", null,
                "HSTS is not set.", "Set portcullis.https.hsts-max-age."))));
        checks.put("db", Check.deploy("database", () -> List.of(CheckMessage.warning("database.W001", "url",
                "H2 in production.", null))));
        CheckRegistry registry = new CheckRegistry(checks, Set.of("database.W001"), Clock.systemUTC());
        new CheckCommand(registry, new PrintStream(output, true, StandardCharsets.UTF_8), exitCode::set,
                url -> new CheckupResult(java.net.URI.create(url), java.time.Instant.EPOCH, 40, "D+",
                        List.of(new CheckupResult.Test("x-frame-options", "x-frame-options-not-implemented", -20, false,
                                "Send X-Frame-Options: DENY.")),
                        List.of(CheckMessage.warning("checkup.W005", url, "Versions in headers.", null))))
                .run(new DefaultApplicationArguments(args));
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutDeployOnlyTheApplicationsOwnChecksRun() {
        String text = run("check");
        assertThat(text).contains("startup.setting: (config.W999) A start-up warning.").doesNotContain("W004");
        assertThat(exitCode).hasValue(0);
    }

    @Test
    void deployPrintsDjangoStyleLinesAndASummary() {
        String text = run("check", "--deploy");
        assertThat(text).contains("WARNINGS:\n", "?: (security.W004) HSTS is not set.\n\tHINT: Set portcullis.https.hsts-max-age.\n")
                .endsWith("System check identified 2 issues (1 silenced).\n");
        assertThat(exitCode).as("warnings stay below the default fail level, ERROR").hasValue(0);
    }

    @Test
    void theFailLevelTurnsWarningsIntoAFailedRun() {
        run("check", "--deploy", "--fail-level", "WARNING");
        assertThat(exitCode).hasValue(1);
        output.reset();
        run("check", "--deploy", "--fail-level=warning");
        assertThat(exitCode).hasValue(1);
    }

    @Test
    void tagsAndJsonSelectWhatIsPrinted() {
        String json = run("check", "--deploy", "--tag", "security", "--json", "--spring.profiles.active=prod");
        assertThat(json).contains("\"id\": \"security.W004\"").doesNotContain("config.W999");
    }

    @Test
    void theCheckupPrintsGradeAndWhatToFixFirst() {
        String text = run("check", "--checkup", "https://shop.example.com");
        assertThat(text).startsWith("Checkup of https://shop.example.com: grade D+ (score 40/100")
                .contains("Fix first:\n   -20  x-frame-options: x-frame-options-not-implemented")
                .contains("(checkup.W005) Versions in headers.");
        assertThat(exitCode).hasValue(0);
        output.reset();
        run("check", "--checkup=https://shop.example.com", "--fail-level", "WARNING");
        assertThat(exitCode).hasValue(1);
    }

    @Test
    void aWrongArgumentPrintsUsageAndExitsWithTwo() {
        String text = run("check", "--fail-level", "LOUD");
        assertThat(text).contains("--fail-level must be one of", "Usage: check");
        assertThat(exitCode).hasValue(2);
    }

    @Test
    void whileTheCommandRunsLogsGoToStandardError() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("check", "--json"));
        new CheckCommandEnvironment().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.config")).isEqualTo(CheckCommandEnvironment.LOGGING_CONFIG);

        // The configuration logback will read: well-formed, one console appender, aimed at System.err.
        try (var xml = getClass().getResourceAsStream("/dev/portcullis/checks/check-command-logback.xml")) {
            var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
            var targets = document.getElementsByTagName("target");
            assertThat(targets.getLength()).isOne();
            assertThat(targets.item(0).getTextContent()).isEqualTo("System.err");
        }
    }

    @Test
    void theCheckArgumentSwitchesOffTheWebServer() {
        SpringApplication application = new SpringApplication();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("check", "--deploy"));
        new CheckCommandEnvironment().postProcessEnvironment(environment, application);

        assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
        assertThat(environment.getProperty(CheckCommandEnvironment.ACTIVE)).isEqualTo("true");
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
    }

    @Test
    void otherArgumentsLeaveTheApplicationAlone() {
        SpringApplication application = new SpringApplication();
        application.setWebApplicationType(WebApplicationType.SERVLET);
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--server.port=0"));
        new CheckCommandEnvironment().postProcessEnvironment(environment, application);

        assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.SERVLET);
        assertThat(environment.getProperty(CheckCommandEnvironment.ACTIVE)).isNull();
    }
}
