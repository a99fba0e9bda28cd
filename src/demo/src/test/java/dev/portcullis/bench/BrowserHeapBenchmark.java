package dev.portcullis.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cross-check of {@link SessionHeapBenchmark} with real browsers and a real servlet container: 20 Chromium
 * sessions signed in (password and second factor) against the production jar, first on the dashboard, then with the
 * book list open (reached from the side navigation, so each session keeps one UI). Live heap after a full GC before
 * and after, divided by 20, and the class histogram diff per session ({@code jcmd GC.class_histogram}). The bookshop
 * is the demo's default size (2,000 books), as in the Karibu benchmark. Not a test: run it with
 * {@code ./mvnw -Pbench -pl src/demo test-compile exec:java -Dbench.main=dev.portcullis.bench.BrowserHeapBenchmark}
 * after building the production jar.
 */
public final class BrowserHeapBenchmark {

    private static final int SESSIONS = Integer.getInteger("bench.sessions", 20);
    private static final int TOP_CLASSES = 15;

    private BrowserHeapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var jar = BenchJar.defaultJar();
        System.out.println("Production jar: " + jar);
        try (BenchJar app = BenchJar.start(jar, Files.createTempDirectory("portcullis-bench-heap"), List.of(
                "--spring.profiles.active=prod", "--demo.data.enabled=true",
                "--portcullis.environment.allow-unsafe=demo-data",
                "--portcullis.bootstrap.password=" + PerceivedTimingBenchmark.BOOTSTRAP_PASSWORD,
                // Open keep-alive connections hold Tomcat's buffers (tens of KB each, and a cached processor with its
                // buffers after they close): close idle ones after 5 s and cache no processor, so the figures are
                // session state alone (-Dbench.keep-alive=60s -Dbench.processor-cache=200: Tomcat's defaults).
                "--server.tomcat.keep-alive-timeout=" + System.getProperty("bench.keep-alive", "5s"),
                "--server.tomcat.processor-cache=" + System.getProperty("bench.processor-cache", "0")), List.of())) {
            app.awaitOutput(Pattern.compile("Demo data: \\d+ authors"), Duration.ofMinutes(10));
            String admin = app.adminUrl();
            BenchBrowser.Codes codes;
            ChromeDriver setup = BenchBrowser.open();
            try {
                codes = BenchBrowser.firstSignIn(setup, admin, PerceivedTimingBenchmark.BOOTSTRAP_PASSWORD);
                // warm-up: every class and cache the list and the dashboard use, in a session that stays (in both
                // the before and the after figures)
                openBookList(setup, admin);
            } finally {
                setup.quit();
            }
            List<ChromeDriver> browsers = new ArrayList<>();
            try {
                for (int i = 0; i < SESSIONS; i++) {
                    browsers.add(BenchBrowser.open());
                }
                Thread.sleep(2000);
                Snapshot before = new Snapshot(app);
                System.out.println("before: " + before + "; " + BenchJar.uptime());
                long started = System.nanoTime();
                for (ChromeDriver browser : browsers) {
                    BenchBrowser.signIn(browser, admin, codes);
                    BenchBrowser.awaitIdle(browser);
                }
                System.out.printf("%d sessions signed in (%.0f s: codes are one per time step)%n", SESSIONS,
                        (System.nanoTime() - started) / 1e9);
                Thread.sleep(2000);
                Snapshot dashboard = new Snapshot(app);
                report("the dashboard (bare signed-in session)", before, dashboard);
                for (ChromeDriver browser : browsers) {
                    browser.findElement(By.xpath("//vaadin-side-nav-item[normalize-space()='Books']")).click();
                    new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.urlMatches(".*/book$"));
                    new WebDriverWait(browser, Duration.ofSeconds(60)).until(
                            d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).size() > 20);
                    BenchBrowser.awaitIdle(browser);
                }
                // Vaadin keeps each UI's last response (UIInternals.lastRequestResponse, for a client that resends):
                // its size tells how much of the session is that string rather than component state.
                double lastResponse = browsers.stream().mapToLong(browser -> ((Number) browser.executeScript(
                        "const u = performance.getEntriesByType('resource').filter(e => e.name.includes('v-r=uidl'));"
                                + " return u.length ? u[u.length - 1].decodedBodySize : 0")).longValue())
                        .average().orElse(0);
                System.out.printf("last UIDL response kept by each UI: %.1f KB of JSON on average%n",
                        lastResponse / 1024.0);
                Thread.sleep(2000);
                Snapshot list = new Snapshot(app);
                report("the book list", before, list);
                report("what the book list adds to the dashboard", dashboard, list);
                // The same sessions once the browsers' idle connections are closed: UI and HTTP session state only.
                Thread.sleep(10_000);
                Snapshot idle = new Snapshot(app);
                report("the book list, idle connections closed", before, idle);
            } finally {
                for (ChromeDriver browser : browsers) {
                    browser.quit();
                }
            }
        }
        System.exit(0);
    }

    private static void openBookList(ChromeDriver browser, String admin) {
        browser.get(admin + "book");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(
                d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).size() > 20);
        BenchBrowser.awaitIdle(browser);
    }

    private static void report(String what, Snapshot before, Snapshot after) {
        System.out.println();
        long h2 = h2Bytes(after) - h2Bytes(before);
        System.out.printf("%d sessions on %s: %.1f KB each by the class histogram (%.1f KB of it H2's caches:"
                + " %.1f KB without), %.1f KB by GC.heap_info; %s%n", SESSIONS, what,
                (after.histogramTotal - before.histogramTotal) / 1024.0 / SESSIONS, h2 / 1024.0 / SESSIONS,
                (after.histogramTotal - before.histogramTotal - h2) / 1024.0 / SESSIONS,
                (after.heapUsed - before.heapUsed) / 1024.0 / SESSIONS, BenchJar.uptime());
        Map<String, long[]> growth = new LinkedHashMap<>();
        after.classes.forEach((name, counts) -> {
            long[] was = before.classes.getOrDefault(name, new long[2]);
            growth.put(name, new long[] {counts[0] - was[0], counts[1] - was[1]});
        });
        for (String watched : List.of("com.vaadin.flow.component.UI", "com.vaadin.flow.server.VaadinSession",
                "com.vaadin.flow.internal.StateNode")) {
            long[] g = growth.getOrDefault(watched, new long[2]);
            System.out.printf("   %s: %.1f per session%n", watched, g[0] / (double) SESSIONS);
        }
        System.out.println("   top classes by growth per session (KB, objects):");
        growth.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(TOP_CLASSES)
                .forEach(e -> System.out.printf("   %8.1f KB %8.1f  %s%n", e.getValue()[1] / 1024.0 / SESSIONS,
                        e.getValue()[0] / (double) SESSIONS, e.getKey()));
        Map<String, long[]> owners = new TreeMap<>();
        growth.forEach((name, g) -> {
            long[] sum = owners.computeIfAbsent(owner(name), k -> new long[2]);
            sum[0] += g[0];
            sum[1] += g[1];
        });
        System.out.println("   by whose classes they are (KB per session):");
        owners.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .forEach(e -> System.out.printf("   %8.1f KB %8.1f  %s%n", e.getValue()[1] / 1024.0 / SESSIONS,
                        e.getValue()[0] / (double) SESSIONS, e.getKey()));
        System.out.println("   shrank most (caches and buffers that changed meanwhile, not sessions):");
        growth.entrySet().stream().sorted((a, b) -> Long.compare(a.getValue()[1], b.getValue()[1])).limit(5)
                .forEach(e -> System.out.printf("   %8.1f KB %8.1f  %s%n", e.getValue()[1] / 1024.0 / SESSIONS,
                        e.getValue()[0] / (double) SESSIONS, e.getKey()));
        System.out.println("   our own classes (dev.portcullis.*) that grew:");
        growth.entrySet().stream().filter(e -> e.getKey().startsWith("dev.portcullis") && e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(TOP_CLASSES)
                .forEach(e -> System.out.printf("   %8.2f KB %8.1f  %s%n", e.getValue()[1] / 1024.0 / SESSIONS,
                        e.getValue()[0] / (double) SESSIONS, e.getKey()));
    }

    /** The embedded database's own objects (its page and result caches grow with any query, not per session). */
    private static long h2Bytes(Snapshot snapshot) {
        return snapshot.classes.entrySet().stream().filter(e -> owner(e.getKey()).equals("org.h2.*"))
                .mapToLong(e -> e.getValue()[1]).sum();
    }

    private static String owner(String className) {
        for (String prefix : List.of("dev.portcullis.", "com.vaadin.", "org.springframework.", "org.hibernate.",
                "org.h2.", "org.apache.", "elemental.")) {
            if (className.startsWith(prefix) || className.startsWith("[L" + prefix)) {
                return prefix + "*";
            }
        }
        return "JDK (collections, strings, arrays: anyone's)";
    }

    /** Live heap after a full GC, two ways, and the class histogram. */
    private static final class Snapshot {

        final long heapUsed;
        final Map<String, long[]> classes;
        final long histogramTotal;

        Snapshot(BenchJar app) throws Exception {
            heapUsed = app.liveHeapAfterGc();
            classes = app.classHistogram();
            // Filler arrays are the collector's placeholders for free space, not objects anyone holds.
            histogramTotal = classes.entrySet().stream().filter(e -> !e.getKey().contains("FillerElement"))
                    .mapToLong(e -> e.getValue()[1]).sum();
        }

        @Override
        public String toString() {
            return String.format("live heap %.1f MiB (histogram %.1f MiB)", heapUsed / 1048576.0,
                    histogramTotal / 1048576.0);
        }
    }
}
