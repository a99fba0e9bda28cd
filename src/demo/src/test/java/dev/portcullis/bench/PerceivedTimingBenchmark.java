package dev.portcullis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.portcullis.testsupport.TestPostgres;

/**
 * What an admin waits for: navigation to rows visible in a real Chromium against the production jar over
 * 1,000,000 books (the {@code bench} profile's data, shared/BENCHMARKS.md), on H2 and on PostgreSQL. Not a test: run
 * it with {@code ./mvnw -Pbench -pl src/demo test-compile exec:java -Dbench.main=dev.portcullis.bench.PerceivedTimingBenchmark}
 * after building the production jar.
 *
 * <p>Each figure is the median of 7 full page loads ({@code driver.get}) after 2 warm-up loads, with the browser's cache
 * warm (a returning admin). The time is the page's own {@code performance.now()} (zero is the navigation's start) at
 * the first animation frame or DOM change at which the condition holds: for a list, at least three grid body rows
 * show text (and, for a search, a row shows the searched word); for a form, the title and the author fields show
 * their values. A script registered with the DevTools protocol watches every new document from its first line, so
 * the moment is not late by Selenium's own round trips. For the form, the author choice (10,000 authors, a lazy
 * combo box) is then opened, and the time until its first items show is measured too.
 */
public final class PerceivedTimingBenchmark {

    static final String BOOTSTRAP_PASSWORD = "bench first password 2026";
    private static final int WARMUP = 2;
    private static final int RUNS = 7;
    private static final Pattern DATA_GENERATED = Pattern.compile("Demo data: \\d+ authors, \\d+ books");

    /** Runs from the first line of every document; sets window.__pcMark when the page shows what it is for. */
    private static final String WATCHER = """
            (() => {
              const need = (sessionStorage.getItem('pcNeed') || '').toLowerCase();
              const kind = sessionStorage.getItem('pcKind') || 'grid';
              const text = el => (el.textContent || '').trim();
              const check = () => {
                if (window.__pcMark) return true;
                let ok = false;
                if (kind === 'form') {
                  const t = document.querySelector('#field-title input');
                  const a = document.querySelector('#field-author input');
                  ok = !!(t && t.value && a && a.value);
                } else {
                  const grid = document.querySelector('vaadin-grid');
                  const items = grid && grid.shadowRoot && grid.shadowRoot.querySelector('#items');
                  if (items) {
                    let rows = 0, hit = !need;
                    for (const tr of items.querySelectorAll('tr')) {
                      if (tr.hidden) continue;
                      let shown = '';
                      for (const slot of tr.querySelectorAll('slot')) {
                        for (const el of slot.assignedElements()) shown += text(el) + ' ';
                      }
                      if (shown.trim()) {
                        rows++;
                        if (!hit && shown.toLowerCase().includes(need)) hit = true;
                      }
                    }
                    ok = rows >= 3 && hit;
                  }
                }
                if (ok) window.__pcMark = performance.now();
                return ok;
              };
              const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
              observer.observe(document, {subtree: true, childList: true, characterData: true});
              const frame = () => { if (!check()) requestAnimationFrame(frame); };
              requestAnimationFrame(frame);
            })();
            """;

    private static final String AWAIT_MARK = """
            const done = arguments[arguments.length - 1];
            const started = performance.now();
            const poll = () => {
              if (window.__pcMark) {
                const nav = performance.getEntriesByType('navigation')[0];
                // Vaadin's own requests before the mark (init and UIDL round trips): the server's share, network included
                const calls = performance.getEntriesByType('resource')
                    .filter(e => e.name.includes('v-r=') && e.startTime < window.__pcMark);
                const waited = calls.reduce((sum, e) => sum + e.duration, 0);
                done([window.__pcMark, nav ? nav.responseStart : -1, nav ? nav.domContentLoadedEventEnd : -1,
                    waited, calls.length]);
              } else if (performance.now() - started > 60000) {
                done(null);
              } else {
                setTimeout(poll, 20);
              }
            };
            poll();
            """;

    /** Opens the author choice and waits until its drop-down shows items; returns the milliseconds it took. */
    private static final String OPEN_AUTHOR_CHOICE = """
            const done = arguments[arguments.length - 1];
            const combo = document.querySelector('#field-author');
            const deep = (root, found) => {
              for (const el of root.querySelectorAll('*')) {
                if (el.localName === 'vaadin-combo-box-item' && (el.textContent || '').trim()) found.push(el);
                if (el.shadowRoot) deep(el.shadowRoot, found);
              }
              return found;
            };
            const started = performance.now();
            combo.opened = true;
            const poll = () => {
              if (deep(document, []).length >= 5) {
                const took = performance.now() - started;
                combo.opened = false;
                done(took);
              } else if (performance.now() - started > 60000) {
                done(null);
              } else {
                setTimeout(poll, 5);
              }
            };
            poll();
            """;

    private PerceivedTimingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = BenchJar.defaultJar();
        System.out.println("Production jar: " + jar);
        Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
        Map<String, String> load = new LinkedHashMap<>();
        String only = System.getProperty("bench.database", "");
        if (!only.equalsIgnoreCase("postgresql")) {
            Path workdir = h2Copy(jar);
            try (BenchJar app = BenchJar.start(jar, workdir, List.of("--spring.profiles.active=prod,bench",
                    "--portcullis.environment.allow-unsafe=demo-data"), List.of())) {
                results.put("H2 (file)", measure(app));
                load.put("H2 (file)", BenchJar.uptime());
            }
        }
        if (!only.equalsIgnoreCase("h2")) {
            String url = TestPostgres.newDatabaseUrl() + "&reWriteBatchedInserts=true";
            Path workdir = Files.createTempDirectory("portcullis-bench-pg");
            try (BenchJar app = BenchJar.start(jar, workdir, List.of("--spring.profiles.active=prod,bench",
                    "--portcullis.environment.allow-unsafe=demo-data", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--portcullis.bootstrap.password=" + BOOTSTRAP_PASSWORD), List.of())) {
                long started = System.nanoTime();
                app.awaitOutput(DATA_GENERATED, Duration.ofMinutes(60));
                System.out.printf("PostgreSQL: the jar generated the data in %.0f s%n", (System.nanoTime() - started) / 1e9);
                try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                    // as autovacuum would after a bulk load: statistics, and the visibility map for index-only scans
                    connection.createStatement().execute("vacuum analyze");
                }
                results.put("PostgreSQL 17 (embedded)", measure(app));
                load.put("PostgreSQL 17 (embedded)", BenchJar.uptime());
            }
        }
        System.out.println();
        System.out.println("Navigation to rows visible, median of " + RUNS + " page loads after " + WARMUP
                + " warm-up loads, ms (in brackets: median time to the HTML page's first byte)");
        System.out.println("| page | " + String.join(" | ", results.keySet()) + " |");
        System.out.println("|---|" + "---|".repeat(results.size()));
        for (String page : results.values().iterator().next().keySet()) {
            StringBuilder row = new StringBuilder("| " + page + " |");
            for (Map<String, double[]> figures : results.values()) {
                double[] f = figures.get(page);
                row.append(f[1] >= 0 ? String.format(" %.0f (%.0f) |", f[0], f[1]) : String.format(" %.0f |", f[0]));
            }
            System.out.println(row);
        }
        load.forEach((db, uptime) -> System.out.println("load at the end of " + db + ": " + uptime));
        System.exit(0);
    }

    /**
     * A fresh copy of the H2 database with 1,000,000 books. The first run has the jar generate it once (the bench
     * profile's sizes) into {@code target/bench/perceived/h2-template}; every run then works on a copy, so the
     * bootstrap admin's first sign-in (two-factor wizard, new password) is the same each time.
     */
    static Path h2Copy(Path jar) throws Exception {
        Path template = BenchJar.benchDirectory().resolve("h2-template");
        Path done = template.resolve("generated");
        if (!Files.exists(done)) {
            System.out.println("Generating 1,000,000 books into " + template + " (once; minutes)...");
            long started = System.nanoTime();
            try (BenchJar app = BenchJar.start(jar, template, List.of("--spring.profiles.active=prod,bench",
                    "--portcullis.environment.allow-unsafe=demo-data",
                    "--portcullis.bootstrap.password=" + BOOTSTRAP_PASSWORD), List.of())) {
                app.awaitOutput(DATA_GENERATED, Duration.ofMinutes(90));
            }
            Files.writeString(done, "generated by the production jar with the bench profile\n");
            System.out.printf("H2: generated in %.0f s%n", (System.nanoTime() - started) / 1e9);
        }
        Path copy = Files.createTempDirectory("portcullis-bench-h2");
        Files.createDirectories(copy.resolve("data"));
        try (Stream<Path> files = Files.list(template.resolve("data"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("portcullis-bench")).toList()) {
                Files.copy(file, copy.resolve("data").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }

    /** Page name to {median ms to rows visible, median ms to the HTML's first byte}. */
    private static Map<String, double[]> measure(BenchJar app) throws Exception {
        String admin = app.adminUrl();
        ChromeDriver browser = BenchBrowser.open();
        try {
            BenchBrowser.firstSignIn(browser, admin, BOOTSTRAP_PASSWORD);
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCHER));
            Map<String, double[]> figures = new LinkedHashMap<>();
            figures.put("first page of the book list", page(browser, admin + "book", "grid", ""));
            figures.put("search 'lantern' (1 % of titles)", page(browser, admin + "book?q=lantern", "grid", "lantern"));
            figures.put("deep page 10,000 typed into the URL (rows 499,951-500,000)",
                    page(browser, admin + "book?p=10000", "grid", ""));
            List<Double> opened = new ArrayList<>();
            figures.put("form of one book (author among 10,000)", page(browser, admin + "book/500000", "form", "",
                    () -> {
                        Object took = ((JavascriptExecutor) browser).executeAsyncScript(OPEN_AUTHOR_CHOICE);
                        if (took == null) {
                            throw new IllegalStateException("The author choice showed no items within 60 s");
                        }
                        opened.add(((Number) took).doubleValue());
                    }));
            // the first WARMUP openings belong to the warm-up loads
            figures.put("then open its author choice (first items shown)",
                    new double[] {median(opened.subList(WARMUP, opened.size())), -1});
            return figures;
        } finally {
            browser.quit();
        }
    }

    private static double[] page(ChromeDriver browser, String url, String kind, String need) throws Exception {
        return page(browser, url, kind, need, () -> { });
    }

    private static double[] page(ChromeDriver browser, String url, String kind, String need, Step after)
            throws Exception {
        JavascriptExecutor js = browser;
        List<Double> visible = new ArrayList<>();
        List<Double> firstByte = new ArrayList<>();
        List<Double> domReady = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        List<Double> calls = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            js.executeScript("sessionStorage.setItem('pcKind', arguments[0]); sessionStorage.setItem('pcNeed', arguments[1]);",
                    kind, need);
            browser.get(url);
            Object marks = js.executeAsyncScript(AWAIT_MARK);
            if (!(marks instanceof List<?> values)) {
                throw new IllegalStateException("Nothing shown within 60 s at " + url);
            }
            BenchBrowser.awaitIdle(browser);
            after.run();
            BenchBrowser.awaitIdle(browser);
            if (i >= WARMUP) {
                visible.add(((Number) values.get(0)).doubleValue());
                firstByte.add(((Number) values.get(1)).doubleValue());
                domReady.add(((Number) values.get(2)).doubleValue());
                server.add(((Number) values.get(3)).doubleValue());
                calls.add(((Number) values.get(4)).doubleValue());
            }
        }
        double[] result = {median(visible), median(firstByte)};
        System.out.printf("%s: %.0f ms to rows visible (runs: %s), first byte %.0f ms, DOM ready %.0f ms,"
                + " Vaadin requests before the rows %.0f ms in %.0f calls (medians); %s%n", url, result[0],
                visible.stream().map(v -> String.format("%.0f", v)).toList(), result[1], median(domReady),
                median(server), median(calls), BenchJar.uptime());
        return result;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
