package dev.portcullis.demo.data;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.portcullis.demo.shop.Genre;
import dev.portcullis.demo.shop.OrderStatus;

/**
 * Fills the bookshop with deterministic data in the shape of {@code shared/BENCHMARKS.md}: titles of 3–6 words,
 * the word "lantern" in about 1 % of titles and nowhere else, unique 13-digit ISBNs, dates 1950–2025.
 * Writes with JDBC batches, so a million books take seconds, not minutes. A seeded {@link SplittableRandom} is
 * used on purpose: this is test data that must be the same on every run, not anything secret.
 */
public class BookshopGenerator {

    private static final Logger log = LoggerFactory.getLogger(BookshopGenerator.class);
    private static final int BATCH = 5_000;

    static final String[] FIRST = {"Ada", "Ben", "Clara", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
        "Kara", "Liam", "Maya", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen",
        "Yara", "Zoe", "Anton", "Beatriz", "Carlos", "Dana", "Emil"};
    static final String[] LAST = {"Abbott", "Berg", "Castro", "Dalton", "Eriksen", "Fischer", "Garcia", "Hansen",
        "Ibrahim", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quint", "Rossi", "Silva",
        "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Young", "Zimmer", "Adler", "Brandt", "Costa", "Duval"};
    static final String[] COUNTRIES = {"GB", "US", "DE", "FR", "NL", "SE", "ES", "IT", "JP", "BR", "IN", "NG"};
    static final String[] ADJECTIVES = {"silent", "iron", "golden", "hidden", "broken", "distant", "crimson",
        "quiet", "forgotten", "burning", "frozen", "wild", "hollow", "bright", "secret", "last", "northern", "salt",
        "paper", "glass"};
    static final String[] NOUNS = {"harbor", "memory", "garden", "river", "kingdom", "station", "letter", "mountain",
        "winter", "island", "archive", "compass", "empire", "forest", "machine", "orchard", "signal", "tower",
        "voyage", "window"};
    /** Appears in about 1 % of titles and in no other word list, so a search for it has a known answer. */
    public static final String MARKER_WORD = "lantern";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public BookshopGenerator(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Generates everything the properties ask for. Call only on an empty bookshop. */
    public void generate(DemoDataProperties sizes) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(sizes.getSeed());
        insertAuthors(sizes.getAuthors(), random);
        List<Long> authorIds = jdbc.queryForList("select id from author order by id", Long.class);
        insertBooks(sizes.getBooks(), authorIds, random);
        insertCustomersAndOrders(sizes.getCustomers(), sizes.getOrders(), random);
        log.info("Demo data: {} authors, {} books, {} customers, {} orders in {} ms", sizes.getAuthors(),
                sizes.getBooks(), sizes.getCustomers(), sizes.getOrders(), (System.nanoTime() - started) / 1_000_000);
    }

    private void insertAuthors(int count, SplittableRandom random) {
        List<Object[]> rows = new ArrayList<>(Math.min(count, BATCH));
        for (int i = 1; i <= count; i++) {
            String first = pick(FIRST, random);
            String last = pick(LAST, random);
            rows.add(new Object[] {first + " " + last,
                (first + "." + last + "." + i + "@example.com").toLowerCase(), pick(COUNTRIES, random)});
            if (rows.size() == BATCH || i == count) {
                flush("insert into author (name, email, country) values (?, ?, ?)", rows);
            }
        }
    }

    private void insertBooks(int count, List<Long> authorIds, SplittableRandom random) {
        LocalDate first = LocalDate.of(1950, 1, 1);
        int days = (int) ChronoUnit.DAYS.between(first, LocalDate.of(2025, 12, 31)) + 1;
        Genre[] genres = Genre.values();
        List<Object[]> rows = new ArrayList<>(Math.min(count, BATCH));
        for (int i = 1; i <= count; i++) {
            rows.add(new Object[] {title(random), isbn(i), authorIds.get(random.nextInt(authorIds.size())),
                genres[random.nextInt(genres.length)].name(), Date.valueOf(first.plusDays(random.nextInt(days))),
                BigDecimal.valueOf(500 + random.nextInt(7_500), 2), random.nextInt(10) < 7});
            if (rows.size() == BATCH || i == count) {
                flush("insert into book (title, isbn, author_id, genre, published_on, price, in_stock) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", rows);
                if (i % 100_000 == 0) {
                    log.info("Demo data: {} of {} books written", i, count);
                }
            }
        }
    }

    private void insertCustomersAndOrders(int customers, int orders, SplittableRandom random) {
        if (customers == 0) {
            return;
        }
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= customers; i++) {
            String first = pick(FIRST, random);
            String last = pick(LAST, random);
            rows.add(new Object[] {first + " " + last, (first + "." + last + "." + i + "@example.net").toLowerCase(),
                Timestamp.from(now.minus(random.nextInt(2_000), ChronoUnit.DAYS))});
        }
        flush("insert into customer (name, email, joined_at) values (?, ?, ?)", rows);
        List<Long> customerIds = jdbc.queryForList("select id from customer order by id", Long.class);
        List<Long> bookIds = jdbc.queryForList("select id from book order by id fetch first 5000 rows only", Long.class);
        OrderStatus[] statuses = OrderStatus.values();
        for (int i = 0; i < orders; i++) {
            long customerId = customerIds.get(random.nextInt(customerIds.size()));
            Timestamp placedAt = Timestamp.from(now.minus(random.nextInt(365 * 24), ChronoUnit.HOURS));
            String status = statuses[random.nextInt(statuses.length)].name();
            int lines = 1 + random.nextInt(4);
            transactions.executeWithoutResult(tx -> {
                jdbc.update("insert into shop_order (customer_id, status, placed_at) values (?, ?, ?)",
                        customerId, status, placedAt);
                Long orderId = jdbc.queryForObject("select max(id) from shop_order", Long.class);
                for (int l = 0; l < lines; l++) {
                    long bookId = bookIds.get(random.nextInt(bookIds.size()));
                    jdbc.update("insert into order_line (order_id, book_id, quantity, unit_price) "
                            + "select ?, id, ?, price from book where id = ?", orderId, 1 + random.nextInt(3), bookId);
                }
            });
        }
    }

    private void flush(String sql, List<Object[]> rows) {
        transactions.executeWithoutResult(tx -> jdbc.batchUpdate(sql, rows));
        rows.clear();
    }

    static String title(SplittableRandom random) {
        int words = 3 + random.nextInt(4);
        boolean marker = random.nextInt(100) == 0;
        int markerAt = random.nextInt(words);
        List<String> parts = new ArrayList<>(words);
        for (int w = 0; w < words; w++) {
            String word = (w % 2 == 0) ? pick(ADJECTIVES, random) : pick(NOUNS, random);
            parts.add(marker && w == markerAt ? MARKER_WORD : word);
        }
        String title = String.join(" ", parts);
        return "The " + title;
    }

    static String isbn(int sequence) {
        String twelve = "978" + String.format("%09d", sequence);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }

    private static String pick(String[] words, SplittableRandom random) {
        return words[random.nextInt(words.length)];
    }
}
