package dev.portcullis.honeypot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.MutableClock;
import dev.portcullis.honeypot.internal.HoneypotWorker;

/**
 * 10,000 sign-in attempts at the honeypot from 20 addresses, 64 at a time: every one is answered, the database holds
 * no more than the caps allow, and retention empties it. Meanwhile the real sign-in page is fetched and its times
 * printed — a benchmark for the README, never asserted.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portcullis.trusted-proxies=127.0.0.1", "portcullis.honeypot.delay=50ms",
                "portcullis.honeypot.max-recorded-per-address=100", "portcullis.honeypot.max-recorded-per-hour=1500"})
@ActiveProfiles("test")
@Import(HoneypotFloodTest.Clocks.class)
class HoneypotFloodTest {

    static final int REQUESTS = 10_000;
    static final int ADDRESSES = 20;

    @TestConfiguration
    static class Clocks {

        @Bean
        MutableClock portcullisClock() {
            return new MutableClock(Instant.parse("2026-04-01T10:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HoneypotWorker worker;

    @Autowired
    MutableClock clock;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aFloodIsAnsweredButStoredOnlyUpToTheCapsAndRetentionEmptiesIt() throws Exception {
        List<Long> quiet = timeRealLogin(20);
        ExecutorService flood = Executors.newFixedThreadPool(64);
        AtomicInteger answered = new AtomicInteger();
        List<Future<?>> sent = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            String address = "203.0.113." + (i % ADDRESSES + 1);
            sent.add(flood.submit(() -> {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url("/admin/login/")))
                        .header("X-Forwarded-For", address)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=letmein")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        List<Long> flooded = new ArrayList<>();
        while (sent.stream().anyMatch(f -> !f.isDone())) {
            flooded.addAll(timeRealLogin(1));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        double floodSeconds = (System.nanoTime() - started) / 1e9;
        flood.shutdown();
        worker.drain(Duration.ofSeconds(60));

        assertThat(answered.get()).isEqualTo(REQUESTS);
        int stored = jdbc.queryForObject("select count(*) from portcullis_intrusion_attempt", Integer.class);
        assertThat(stored).isLessThanOrEqualTo(1500);
        assertThat(jdbc.queryForObject("select max(c) from (select count(*) c from portcullis_intrusion_attempt "
                + "group by client_address) t", Integer.class)).isLessThanOrEqualTo(100);
        System.out.printf("[measure] honeypot flood: %,d attempts from %d addresses in %.1f s (%,.0f/s), %,d stored,"
                + " %,d not queued; real sign-in page: median %d ms / p95 %d ms quiet (n=%d), median %d ms / p95 %d ms"
                + " during the flood (n=%d)%n", REQUESTS, ADDRESSES, floodSeconds, REQUESTS / floodSeconds, stored,
                worker.dropped(), percentile(quiet, 50), percentile(quiet, 95), quiet.size(), percentile(flooded, 50),
                percentile(flooded, 95), flooded.size());

        clock.advance(Duration.ofDays(91));
        worker.maintain();
        assertThat(jdbc.queryForObject("select count(*) from portcullis_intrusion_attempt", Integer.class)).isZero();
    }

    private List<Long> timeRealLogin(int times) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(url("/console/login")))
                    .header("X-Forwarded-For", "192.0.2.10").build(), HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(login.statusCode()).isEqualTo(200);
        }
        return millis;
    }

    private static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
