package dev.portcullis.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import dev.portcullis.testsupport.Roles;
import dev.portcullis.auth.internal.SessionTracker;

/**
 * Over real HTTP, with sessions that never sign out: rights changed elsewhere (another node, another administrator)
 * apply at the holder's next request, and parallel requests of one session never fail on the session bookkeeping.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(SessionRightsHttpTest.Clocks.class)
class SessionRightsHttpTest {

    @TestConfiguration
    static class Clocks {

        @Bean
        MutableClock portcullisClock() {
            return new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        }

        /**
         * Answers a request carrying {@code X-Probe-Rights} with the authorities the rest of the request would be
         * judged by (Vaadin's route checks and the data layer read the same security context), after the session
         * tracking ran.
         */
        @Bean
        org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> rightsProbe() {
            jakarta.servlet.Filter probe = (request, response, chain) -> {
                if (((jakarta.servlet.http.HttpServletRequest) request).getHeader("X-Probe-Rights") == null) {
                    chain.doFilter(request, response);
                    return;
                }
                var user = org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication();
                response.getWriter().write(user == null ? "" : String.join(",", user.getAuthorities().stream()
                        .map(a -> a.getAuthority()).sorted().toList()));
            };
            var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(probe);
            registration.addUrlPatterns("/console/*");
            registration.setOrder(2); // after the session tracking filter
            return registration;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AdminUserService users;

    @Autowired
    SessionTracker sessions;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private HttpClient signIn(String username) throws Exception {
        if (users.findByUsername(username).isEmpty()) {
            users.createUser(username, "correct horse battery staple", true, false, false);
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build();
        // As a browser does: open the sign-in page (session cookie and CSRF token), then post the form.
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url("/console/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(url("/console/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(dev.portcullis.testsupport.SignInPage.form(username,
                        "correct horse battery staple", page.body()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
        return client;
    }

    @Test
    void aRoleChangeAppliesAtTheHoldersNextRequestAndDisablingEndsTheSession() throws Exception {
        long clerks = Roles.role(jdbc, "live-clerks", "book:view");
        HttpClient pia = signIn("live-pia");
        Roles.grant(jdbc, "live-pia", "live-clerks");
        HttpClient other = signIn("live-otto"); // a second session, untouched by what happens to pia's
        assertThat(get(other, "/console/").statusCode()).isEqualTo(200);

        assertThat(rights(pia)).as("granted after sign-in: applies now").contains("book:view");
        jdbc.update("delete from portcullis_role_permission where role_id = ? and permission = 'book:view'", clerks);
        assertThat(rights(pia)).as("removed: gone at the next request").doesNotContain("book:view");
        jdbc.update("insert into portcullis_role_permission (role_id, permission) values (?, 'book:view')", clerks);
        assertThat(rights(pia)).as("granted again").contains("book:view");
        jdbc.update("update portcullis_role set active = false where id = ?", clerks);
        assertThat(rights(pia)).as("role disabled").doesNotContain("book:view");
        jdbc.update("update portcullis_role set active = true where id = ?", clerks);
        assertThat(rights(pia)).contains("book:view", "ROLE_STAFF");

        jdbc.update("update portcullis_user set active = false where username = 'live-pia'");
        HttpResponse<String> disabled = get(pia, "/console/book");
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(disabled.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        jdbc.update("update portcullis_user set active = true where username = 'live-pia'");
        assertThat(get(pia, "/console/").headers().firstValue("Location").orElseThrow())
                .as("re-enabling does not revive the ended session").endsWith("/console/login");
        assertThat(get(other, "/console/").statusCode()).isEqualTo(200);
    }

    @Test
    void parallelRequestsOfOneSessionNeverFailAndAnEndInBetweenStillEndsIt() throws Exception {
        HttpClient kai = signIn("live-kai");
        long kaiId = users.findByUsername("live-kai").orElseThrow().getId();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try {
            // The first burst races to record the new session; the later ones to move its last-seen time.
            for (int burst = 0; burst < 3; burst++) {
                statuses.addAll(burst(pool, kai, 32, null));
                clock.advance(Duration.ofSeconds(31));
            }
            assertThat(statuses).containsOnly(200);
            CountDownLatch half = new CountDownLatch(16);
            Future<?> ender = pool.submit(() -> {
                half.await();
                return sessions.endOthers(kaiId, null, "ended by an administrator");
            });
            List<Integer> last = burst(pool, kai, 48, half);
            ender.get();
            // Before the end: served. After it: sent to sign in, or refused when the session ended under a request
            // already running. Never a server error.
            assertThat(last).as("no request fails, whatever the order").allMatch(s -> s == 200 || s == 302 || s == 403)
                    .noneMatch(s -> s >= 500);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from portcullis_session where user_id = ? and ended_at is null",
                Long.class, kaiId)).isZero();
        HttpResponse<String> after = get(kai, "/console/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
    }

    private List<Integer> burst(ExecutorService pool, HttpClient client, int requests, CountDownLatch started)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                int status = get(client, "/console/").statusCode();
                if (started != null) {
                    started.countDown();
                }
                return status;
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }

    /** The rights a request of this session is judged by. */
    private List<String> rights(HttpClient client) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url("/console/")))
                .header("X-Probe-Rights", "yes").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return List.of(answer.body().split(","));
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
