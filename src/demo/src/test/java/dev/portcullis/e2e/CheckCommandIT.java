package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code java -jar portcullis.jar check --deploy}, exactly as a deploy pipeline runs it: no web server, the report
 * on standard output, and the exit code.
 */
class CheckCommandIT {

    private static final String KEY = "q3ZP0x6m1s9hXvYt7b2Jc4rN8kLwE5fAgUoD1iTzR0s=";

    record Result(int exitCode, String output) {
    }

    private static Result check(String... arguments) throws Exception {
        Path workdir = Files.createTempDirectory("portcullis-check");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ProductionJar.path().toString(), "check"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true);
        builder.environment().put("PORTCULLIS_SECRET_KEY", KEY);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the check command ends by itself").isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Runs the command with standard output and standard error kept apart, as {@code check ... | jq .} sees them. */
    private static Result[] checkApart(String... arguments) throws Exception {
        Path workdir = Files.createTempDirectory("portcullis-check");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ProductionJar.path().toString(), "check"));
        command.addAll(List.of(arguments));
        Path errors = workdir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile())
                .redirectError(errors.toFile());
        builder.environment().put("PORTCULLIS_SECRET_KEY", KEY);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the check command ends by itself").isTrue();
        return new Result[] {new Result(process.exitValue(), output),
                new Result(process.exitValue(), Files.readString(errors))};
    }

    @Test
    void jsonOutputIsOnlyJsonSoItCanBePiped() throws Exception {
        Result[] run = checkApart("--deploy", "--json");
        String stdout = run[0].output();

        var json = new tools.jackson.databind.ObjectMapper().readTree(stdout);
        assertThat(json.get("findings").isArray()).isTrue();
        assertThat(java.util.stream.StreamSupport.stream(json.get("findings").spliterator(), false)
                .map(f -> f.get("id").asString()))
                .contains("security.W046", "database.W001");
        assertThat(stdout.strip()).startsWith("{").endsWith("}");
        // The start-up warnings are still there for an operator, on standard error.
        String logLine = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:[\\d.]+Z?\\s+(WARN|INFO|ERROR)";
        assertThat(run[1].output()).containsPattern(logLine);
        assertThat(stdout).doesNotContainPattern(logLine).doesNotContain("HHH", "select ");

        // And through jq itself where it is installed (it is not required).
        Path jq = Path.of("/usr/bin/jq");
        if (Files.isExecutable(jq)) {
            Process pipe = new ProcessBuilder(jq.toString(), ".").redirectErrorStream(true).start();
            pipe.getOutputStream().write(stdout.getBytes(StandardCharsets.UTF_8));
            pipe.getOutputStream().close();
            pipe.getInputStream().readAllBytes();
            assertThat(pipe.waitFor()).as("jq . accepts the output").isZero();
        }
    }

    @Test
    void deployChecksPrintFindingsWithoutStartingAServer() throws Exception {
        Result result = check("--deploy");

        assertThat(result.output())
                .contains("System check identified some issues:", "WARNINGS:",
                        "portcullis.admin.path: (security.W046) The admin is served at /console",
                        "\tHINT: Set portcullis.admin.path",
                        "(database.W001) The application runs on the embedded H2 database")
                .containsPattern("\\(database.W002\\) \\d+ database migrations are pending: V1 portcullis")
                .containsPattern("System check identified \\d+ issues \\(0 silenced\\)\\.")
                .doesNotContain("Tomcat started", "Portcullis admin is at", "Created the first staff user");
        assertThat(result.exitCode()).as("warnings only: below the default fail level ERROR").isZero();
    }

    @Test
    void aFailLevelOfWarningStopsThePipeline() throws Exception {
        Result result = check("--deploy", "--fail-level", "WARNING", "--portcullis.checks.silenced=security.W046");

        assertThat(result.output()).doesNotContain("(security.W046)").contains("1 silenced");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void aCleanSelectionExitsWithZero() throws Exception {
        Result result = check("--deploy", "--tag", "mail", "--fail-level", "WARNING",
                "--spring.mail.host=smtp.example.com", "--portcullis.mail.from=admin@example.com");

        assertThat(result.output()).contains("System check identified no issues (0 silenced).");
        assertThat(result.exitCode()).isZero();
    }
}
