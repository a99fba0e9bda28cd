package dev.portcullis.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production jar (the demo's repackaged jar built with {@code -Pproduction}), started as an operator starts it,
 * for the benchmarks that measure it from outside: in the browser, by its heap and by its start-up. Not a test
 * helper: the e2e tests have their own in {@code dev.portcullis.e2e}.
 */
final class BenchJar implements AutoCloseable {

    /** What every benchmark start adds: plain HTTP on a random port reached as localhost, a fresh secret key. */
    static final List<String> COMMON = List.of("--server.port=0", "--portcullis.https.enabled=false",
            "--portcullis.admin.allowed-hosts=localhost,127.0.0.1",
            "--portcullis.secret-key=" + Base64.getEncoder().encodeToString(
                    new java.security.SecureRandom().generateSeed(32)));

    private static final Pattern ADMIN_URL = Pattern.compile("Portcullis admin is at (https?://localhost:\\d+/\\S*)");
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");

    private final Process process;
    private final long launchedNanos;
    private final StringBuffer output = new StringBuffer();
    private volatile String adminUrl;
    private volatile long startedNanos;
    private volatile double springSeconds;
    private volatile double processSeconds;

    private BenchJar(Process process, long launchedNanos) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        Thread reader = new Thread(this::read, "bench-jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The jar to measure: {@code -Dportcullis.jar=...}, else the one the e2e tests build
     * ({@code src/demo/target/e2e-build/portcullis.jar}), else {@code src/demo/target/portcullis.jar}.
     */
    static Path defaultJar() {
        String given = System.getProperty("portcullis.jar");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath();
        }
        Path root = root();
        for (Path candidate : List.of(root.resolve("src/demo/target/e2e-build/portcullis.jar"),
                root.resolve("src/demo/target/portcullis.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No production jar: build it first with ./mvnw -Pproduction -DskipTests "
                + "-pl src/demo -am package (or pass -Dportcullis.jar=...)");
    }

    /** The repository's root (the bench profile runs from src/demo, a plain java run from the root). */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("src/demo"))) {
                return p;
            }
        }
        return here;
    }

    /** Where the benchmarks keep their generated data between runs (never committed: under target/). */
    static Path benchDirectory() throws IOException {
        Path dir = root().resolve("target/bench/perceived");
        Files.createDirectories(dir);
        return dir;
    }

    /** Starts the jar in the given working directory and waits until it answers HTTP on its sign-in page. */
    static BenchJar start(Path jar, Path workdir, List<String> arguments, List<String> jvmOptions) throws Exception {
        Files.createDirectories(workdir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(COMMON);
        command.addAll(arguments);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
        BenchJar running = new BenchJar(process, launched);
        try {
            running.awaitStarted(Duration.ofMinutes(30));
        } catch (RuntimeException | InterruptedException failed) {
            running.close();
            throw failed;
        }
        return running;
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
                    springSeconds = Double.parseDouble(done.group(1));
                    processSeconds = Double.parseDouble(done.group(2));
                    startedNanos = System.nanoTime();
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private void awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (startedNanos == 0 || adminUrl == null) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The production jar stopped during start-up:\n" + output);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The production jar did not start within " + timeout + ":\n" + output);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the output has a match for the pattern (the demo data's generation runs after "Started"). */
    void awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pattern.matcher(output).find()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The production jar stopped:\n" + output);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No '" + pattern + "' within " + timeout + ":\n" + output);
            }
            Thread.sleep(200);
        }
    }

    /** Polls the sign-in page until it answers 200, and returns the seconds since the JVM was launched. */
    double awaitFirstAnswer() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI login = URI.create(adminUrl + "login");
        while (true) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(login).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - launchedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The production jar stopped:\n" + output);
            }
            Thread.sleep(20);
        }
    }

    String adminUrl() {
        return adminUrl;
    }

    String output() {
        return output.toString();
    }

    /** Wall-clock seconds from launching {@code java} to the "Started" line. */
    double secondsToStartedLine() {
        return (startedNanos - launchedNanos) / 1e9;
    }

    /** Spring Boot's own "Started ... in X seconds (process running for Y)". */
    double springSeconds() {
        return springSeconds;
    }

    double processSeconds() {
        return processSeconds;
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size of the jar's JVM, in KiB. */
    long rssKib() throws IOException {
        String status = Files.readString(Path.of("/proc/" + pid() + "/status"));
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
        return rss.find() ? Long.parseLong(rss.group(1)) : -1;
    }

    /** Live heap after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in bytes. */
    long liveHeapAfterGc() throws Exception {
        jcmd("GC.run");
        Thread.sleep(300);
        jcmd("GC.run");
        String heap = jcmd("GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
        if (!used.find()) {
            throw new IllegalStateException("No 'used' in GC.heap_info:\n" + heap);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** {@code jcmd GC.class_histogram} (a full GC first): class name to {instances, bytes}. */
    Map<String, long[]> classHistogram() throws Exception {
        String text = jcmd("GC.class_histogram");
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return classes;
    }

    String jcmd(String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), command).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return out;
    }

    /** The machine's load when a figure was taken (the build machine is shared). */
    static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "uptime unavailable";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
