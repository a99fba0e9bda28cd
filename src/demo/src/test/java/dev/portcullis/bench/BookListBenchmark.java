package dev.portcullis.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListQuery;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.SortOrder;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.data.BookshopGenerator;
import dev.portcullis.demo.data.DemoDataProperties;
import dev.portcullis.demo.shop.Book;
import dev.portcullis.testsupport.TestPostgres;
import dev.portcullis.testsupport.Users;

/**
 * Server time of the book list over 1,000,000 rows (shared/BENCHMARKS.md), on H2 and on PostgreSQL. Not a test:
 * run it with {@code ./mvnw -Pbench test-compile exec:java} ({@code -Dbench.database=h2|postgresql} for one). Each figure is the median of 9 runs after 5 warm-up
 * runs of the data work behind one list page: the page of 50 rows plus the capped count. The deep page is measured
 * both as the UI reaches it (Next from the page before, which carries a keyset cursor) and as a typed page number.
 */
public final class BookListBenchmark {

    private static final int BOOKS = 1_000_000;
    private static final int WARMUP = 5;
    private static final int RUNS = 9;

    private BookListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(Path.of("target/bench"));
        Map<String, Map<String, Double>> results = new LinkedHashMap<>();
        String only = System.getProperty("bench.database", "");
        if (!only.equals("postgresql")) {
            results.put("H2 (file)", run("jdbc:h2:file:./target/bench/h2-bookshop", "sa"));
        }
        if (!only.equals("h2")) {
            results.put("PostgreSQL 17 (embedded)", run(TestPostgres.newDatabaseUrl()
                    + "&reWriteBatchedInserts=true", "postgres"));
        }
        System.out.println();
        System.out.println("| operation (median ms) | " + String.join(" | ", results.keySet()) + " |");
        System.out.println("|---|" + "---|".repeat(results.size()));
        for (String operation : results.values().iterator().next().keySet()) {
            StringBuilder row = new StringBuilder("| " + operation + " |");
            for (Map<String, Double> figures : results.values()) {
                row.append(String.format(" %.1f |", figures.get(operation)));
            }
            System.out.println(row);
        }
        System.exit(0);
    }

    private static Map<String, Double> run(String url, String user) {
        System.out.println("Benchmarking on " + url);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DemoApplication.class)
                .profiles("test")
                // Command-line arguments, so they win over the test profile's in-memory database.
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=", "--logging.level.root=WARN")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            System.out.println("Database: " + jdbc.queryForObject(url.startsWith("jdbc:h2") ? "select h2version()"
                    : "select version()", String.class));
            Long books = jdbc.queryForObject("select count(*) from book", Long.class);
            if (books == null || books < BOOKS) {
                long started = System.nanoTime();
                DemoDataProperties sizes = new DemoDataProperties();
                sizes.setAuthors(10_000);
                sizes.setBooks(BOOKS);
                sizes.setCustomers(0);
                sizes.setOrders(0);
                app.getBean(BookshopGenerator.class).generate(sizes);
                System.out.printf("%s: generated %,d books in %.1f s%n", url, BOOKS, (System.nanoTime() - started) / 1e9);
                if (url.startsWith("jdbc:postgresql")) {
                    // as autovacuum would after a bulk load: statistics, and the visibility map for index-only scans
                    jdbc.execute("vacuum analyze");
                }
            }
            AdminEntityService service = app.getBean(AdminEntityService.class);
            AdminModel<Book> model = app.getBean(AdminRegistry.class).byClass(Book.class).orElseThrow();
            Users.superuser();
            Map<String, ListQuery> operations = new LinkedHashMap<>();
            operations.put("a. first page, newest first", ListQuery.firstPage());
            operations.put("b. sorted by title", new ListQuery("", Map.of(), SortOrder.parse("title"), 1));
            operations.put("c. search 'lantern'", new ListQuery("lantern", Map.of(), null, 1));
            operations.put("d. genre = scifi and in stock", new ListQuery("", Map.of("genre", "SCIFI", "inStock", "true"),
                    null, 1));
            operations.put("e. deep page (rows 499,951-500,000), reached with Next (keyset cursor)", new ListQuery("",
                    Map.of(), null, 10_000, service.list(model, new ListQuery("", Map.of(), null, 9_999)).nextCursor()));
            operations.put("e'. deep page number typed into the URL (no cursor: ids first)", new ListQuery("", Map.of(),
                    null, 10_000));
            // -Dbench.only=c: only the operations whose name starts with that (to profile one)
            operations.keySet().removeIf(name -> !name.startsWith(System.getProperty("bench.only", "")));
            Map<String, Double> figures = new LinkedHashMap<>();
            operations.forEach((name, query) -> figures.put(name, median(name, () -> {
                service.list(model, query);
                return service.count(model, query);
            })));
            Users.signOut();
            return figures;
        }
    }

    /**
     * The median wall-clock time; the median CPU time of this thread (the embedded H2 works in the caller's thread, so
     * on a busy machine it is close to what the quiet machine's wall clock would show) is printed beside it.
     */
    private static double median(String name, Supplier<?> work) {
        System.out.println(name);
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            work.get();
            times.add((System.nanoTime() - started) / 1e6);
            cpu.add((threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6);
        }
        times.sort(Double::compare);
        cpu.sort(Double::compare);
        System.out.printf("   median %.1f ms (this thread's CPU: %.1f ms), load %s%n", times.get(RUNS / 2),
                cpu.get(RUNS / 2), loadAverage());
        return times.get(RUNS / 2);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException unreadable) {
            return "?";
        }
    }
}
