package dev.portcullis.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.portcullis.testsupport.Parallel;
import dev.portcullis.testsupport.SignInPage;
import dev.portcullis.auth.internal.LoginView;

/**
 * Many sign-ins at one username at the same moment, over real HTTP to the running application: however they
 * interleave, no more passwords are evaluated than the lock allows, the right password is refused once locked, and
 * no answer is a server error. The password encoder counts the passwords it is asked to check. Run on H2 and on
 * PostgreSQL by the two subclasses.
 */
abstract class ConcurrentSignIns {

    static final int THREADS = 40;
    static final String PASSWORD = "correct horse battery staple";

    /** The application's own encoder, counting every password it checks. */
    @TestConfiguration
    static class CountingEncoder {

        @Bean
        Counting countingPasswordEncoder() {
            return new Counting(new AuthAutoConfiguration().portcullisPasswordEncoder());
        }
    }

    static final class Counting implements PasswordEncoder {

        final AtomicInteger matches = new AtomicInteger();
        private final PasswordEncoder real;

        Counting(PasswordEncoder real) {
            this.real = real;
        }

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            return real.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return real.upgradeEncoding(encoded);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Counting encoder;

    @Autowired
    AdminUserService users;

    @Autowired
    LoginThrottleProperties limits;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fortyParallelGuessesGetNoMorePasswordsEvaluatedThanTheLimit() throws Exception {
        users.createUser("target", PASSWORD, true, false, false);
        encoder.matches.set(0);

        List<HttpResponse<Void>> answers = Parallel.all(THREADS, i -> signIn("target", "wrong guess number " + i));

        assertThat(answers).extracting(HttpResponse::statusCode).as("no server errors").containsOnly(302);
        int evaluated = encoder.matches.get();
        assertThat(evaluated).as("passwords evaluated").isBetween(1, limits.getMaxFailures());
        assertThat(answers.stream().filter(a -> location(a).endsWith(LoginView.THROTTLED)).count())
                .as("the others are refused unseen").isEqualTo(THREADS - evaluated);

        HttpResponse<Void> right = signIn("target", PASSWORD);
        assertThat(location(right)).as("the right password, once locked").endsWith("?error&" + LoginView.THROTTLED);
        assertThat(encoder.matches.get()).as("and it was not even evaluated").isEqualTo(evaluated);
        assertThat(jdbc.queryForObject("select count(*) from portcullis_login_lock where throttle_key = 'user:target'",
                Long.class)).as("one lock, recorded").isEqualTo(1);
    }

    @Test
    void parallelFirstAttemptsAtANewUsernameNeverFailTheServer() throws Exception {
        List<HttpResponse<Void>> answers = Parallel.all(THREADS, i -> signIn("never-seen-before", "guess " + i));
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302);
        assertThat(jdbc.queryForObject("select failures from portcullis_login_throttle where throttle_key = ?",
                Integer.class, "user:never-seen-before")).isEqualTo(limits.getMaxFailures());
    }

    /**
     * One visitor's sign-in: the page is fetched first, as a browser does, and its CSRF token sent back with the
     * username and password.
     */
    private HttpResponse<Void> signIn(String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build();
        String page = client.send(HttpRequest.newBuilder(url("/console/login")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = SignInPage.form(username, password, page);
        return client.send(HttpRequest.newBuilder(url("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
