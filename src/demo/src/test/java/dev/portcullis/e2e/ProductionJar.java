package dev.portcullis.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production jar, built as the README says ({@code ./mvnw -Pproduction -DskipTests -pl src/demo -am package}) and
 * started as an operator would start it. Pass {@code -Dportcullis.jar=...} to test a jar built elsewhere;
 * otherwise it is built once per test run into {@code src/demo/target/e2e-build/}.
 */
final class ProductionJar {

    private static Path jar;

    private ProductionJar() {
    }

    static synchronized Path path() throws Exception {
        if (jar != null) {
            return jar;
        }
        String given = System.getProperty("portcullis.jar");
        if (given != null && !given.isBlank()) {
            jar = Path.of(given).toAbsolutePath();
            return jar;
        }
        Path basedir = Path.of(System.getProperty("portcullis.basedir", ".")).toAbsolutePath();
        Path log = basedir.resolve("target/e2e-build.log");
        Files.createDirectories(log.getParent());
        // From the repository's root: the demo and the modules it needs, each into its own target/e2e-build.
        Process build = new ProcessBuilder(basedir.resolve("mvnw").toString(), "-B", "-q", "-Pproduction",
                "-DskipTests", "-pl", "src/demo", "-am", "-Dportcullis.target=target/e2e-build", "package")
                .directory(basedir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("The production build failed; see " + log + ":\n"
                    + Files.readString(log));
        }
        jar = basedir.resolve("src/demo/target/e2e-build/portcullis.jar");
        return jar;
    }

    /** Starts the jar in a fresh working directory (so ./data is new) and waits until it serves. */
    static Running start(List<String> arguments) throws Exception {
        List<String> withPort = new ArrayList<>(List.of("--server.port=0"));
        withPort.addAll(arguments);
        return startExactly(withPort);
    }

    /** As {@link #start}, with only the given arguments: the caller chooses the port. */
    static Running startExactly(List<String> arguments) throws Exception {
        Path workdir = Files.createTempDirectory("portcullis-e2e");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path().toString()));
        command.addAll(arguments);
        if (arguments.stream().noneMatch(a -> a.startsWith("--portcullis.admin.allowed-hosts"))) {
            // The prod profile refuses to start without the admin's host names; these tests reach it as localhost.
            command.add("--portcullis.admin.allowed-hosts=localhost,127.0.0.1");
        }
        Process process = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
        Running running = new Running(process, Instant.now());
        try {
            running.awaitStarted(Duration.ofMinutes(3));
        } catch (RuntimeException | InterruptedException failed) {
            // A jar that did not come up must not keep its ports (80/443 for the Observatory) for the next test.
            running.close();
            throw failed;
        }
        return running;
    }

    static final class Running implements AutoCloseable {

        private static final Pattern ADMIN_URL = Pattern.compile("Portcullis admin is at (https?://localhost:\\d+/\\S*)");
        private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([\\d.]+) seconds");

        private final Process process;
        private final Instant launched;
        private final StringBuffer output = new StringBuffer();
        private volatile String adminUrl;
        private volatile boolean started;
        private volatile double startupSeconds;

        Running(Process process, Instant launched) {
            this.process = process;
            this.launched = launched;
            Thread reader = new Thread(this::read, "production-jar-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher url = ADMIN_URL.matcher(line);
                    if (url.find()) {
                        adminUrl = url.group(1);
                    }
                    Matcher done = STARTED.matcher(line);
                    if (done.find()) {
                        startupSeconds = Double.parseDouble(done.group(1));
                        started = true;
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        void awaitStarted(Duration timeout) throws InterruptedException {
            Instant deadline = launched.plus(timeout);
            while (!(started && adminUrl != null)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The production jar stopped during start-up:\n" + output);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The production jar did not start within " + timeout + ":\n" + output);
                }
                Thread.sleep(200);
            }
        }

        /** Waits until the output has a match for the pattern, and returns its first group. */
        String awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Matcher matcher = pattern.matcher(output);
                if (matcher.find()) {
                    return matcher.group(1);
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("No '" + pattern + "' in the output within " + timeout + ":\n" + output);
        }

        /** The admin's URL as the application printed it, ending in '/'. */
        String adminUrl() {
            return adminUrl;
        }

        String output() {
            return output.toString();
        }

        double startupSeconds() {
            return startupSeconds;
        }

        long pid() {
            return process.pid();
        }

        /**
         * Live heap after a full GC and the resident set size, in MiB: what the running jar really holds. Printed
         * by the tests for the record; never asserted.
         */
        String memoryReport() throws Exception {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            run(jcmd.toString(), String.valueOf(pid()), "GC.run");
            String heap = run(jcmd.toString(), String.valueOf(pid()), "GC.heap_info");
            Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
            long usedKb = used.find() ? Long.parseLong(used.group(1)) : -1;
            String status = Files.readString(Path.of("/proc/" + pid() + "/status"));
            Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
            long rssKb = rss.find() ? Long.parseLong(rss.group(1)) : -1;
            return String.format("live heap after GC %.1f MiB, resident set %.1f MiB", usedKb / 1024.0, rssKb / 1024.0);
        }

        private static String run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
