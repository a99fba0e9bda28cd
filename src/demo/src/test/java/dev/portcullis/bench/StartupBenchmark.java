package dev.portcullis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up of the production jar as an operator starts it ({@code prod}, a fresh working directory, so a new H2 file
 * database is migrated): seconds from launching {@code java} to Spring Boot's "Started" line and to the first
 * successful HTTP answer (the sign-in page), and the resident set size right after that answer and 10 s later.
 * Median of 3 starts per jar, the jars taking turns so both see the same machine. Compare jars with
 * {@code -Dbench.jars=before.jar,after.jar} (default: the current production jar). Not a test: run it with
 * {@code ./mvnw -Pbench -pl src/demo test-compile exec:java -Dbench.main=dev.portcullis.bench.StartupBenchmark}.
 */
public final class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String given = System.getProperty("bench.jars", "");
        List<Path> jars = given.isBlank() ? List.of(BenchJar.defaultJar())
                : Arrays.stream(given.split(",")).map(p -> Path.of(p.strip()).toAbsolutePath()).toList();
        Map<Path, List<double[]>> runs = new LinkedHashMap<>();
        jars.forEach(jar -> runs.put(jar, new ArrayList<>()));
        for (int i = 0; i < RUNS; i++) {
            for (Path jar : jars) {
                try (BenchJar app = BenchJar.start(jar, Files.createTempDirectory("portcullis-bench-start"),
                        List.of("--spring.profiles.active=prod"), List.of())) {
                    double started = app.secondsToStartedLine();
                    double answered = app.awaitFirstAnswer();
                    double rss = app.rssKib() / 1024.0;
                    Thread.sleep(10_000);
                    double rssLater = app.rssKib() / 1024.0;
                    runs.get(jar).add(new double[] {started, answered, rss, rssLater, app.springSeconds()});
                    System.out.printf("%s run %d: 'Started' at %.2f s (Spring: %.2f s), first answer at %.2f s, RSS %.0f MiB,"
                            + " %.0f MiB 10 s later; %s%n", jar, i + 1, started, app.springSeconds(), answered, rss,
                            rssLater, BenchJar.uptime());
                }
            }
        }
        System.out.println();
        System.out.println("| jar | to 'Started' | Spring's own figure | to first HTTP answer | RSS then | RSS 10 s later |");
        System.out.println("|---|---|---|---|---|---|");
        runs.forEach((jar, figures) -> System.out.printf("| %s | %.1f s | %.1f s | %.1f s | %.0f MiB | %.0f MiB |%n", jar,
                median(figures, 0), median(figures, 4), median(figures, 1), median(figures, 2), median(figures, 3)));
        System.exit(0);
    }

    private static double median(List<double[]> runs, int index) {
        return PerceivedTimingBenchmark.median(runs.stream().map(r -> r[index]).toList());
    }
}
