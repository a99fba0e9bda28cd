package dev.portcullis.honeypot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.portcullis.auth.AdminUserService;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.MutableClock;
import dev.portcullis.testsupport.RawHttp;

import jakarta.mail.internet.MimeMessage;
import dev.portcullis.honeypot.internal.HoneypotPage;
import dev.portcullis.honeypot.internal.HoneypotService;
import dev.portcullis.honeypot.internal.HoneypotWorker;

/**
 * The honeypot over real HTTP, behind a trusted proxy (this test, at 127.0.0.1) so each test can play a different
 * client address; alerts go through a real SMTP server.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portcullis.trusted-proxies=127.0.0.1", "portcullis.honeypot.delay=200ms",
                "portcullis.honeypot.paths=/admin/,/admin/login/,/wp-login.php",
                "portcullis.honeypot.max-recorded-per-address=5",
                "portcullis.honeypot.exempt-networks=198.51.100.0/24",
                "portcullis.honeypot.alert-recipients=security@bookshop.example"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.springframework.context.annotation.Import(HoneypotHttpTest.Clocks.class)
class HoneypotHttpTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        MutableClock portcullisClock() {
            return new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AdminUserService users;

    @Autowired
    HoneypotWorker worker;

    @Autowired
    HoneypotService service;

    @Autowired
    MutableClock clock;

    @Test
    @Order(1)
    void theFakeLoginLooksLikeAGenericAdminAndSetsNoCookie() throws Exception {
        for (String path : List.of("/admin/", "/admin/login/", "/wp-login.php")) {
            RawHttp.Response page = RawHttp.get(port, path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Log in | Site administration</title>")
                    .contains("name=\"username\"").contains("name=\"password\"")
                    .doesNotContainIgnoringCase("portcullis").doesNotContainIgnoringCase("vaadin")
                    .doesNotContainIgnoringCase("bookshop").doesNotContain("<script");
            assertThat(page.headers("Set-Cookie")).isEmpty();
            assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
        RawHttp.Response bare = RawHttp.get(port, "/admin");
        assertThat(bare.status()).isEqualTo(301);
        assertThat(bare.header("Location")).isEqualTo("/admin/");
    }

    @Test
    @Order(2)
    void realCredentialsFailLikeAnyOtherAndCreateNoSession() throws Exception {
        users.createUser("hp-staff", PASSWORD, true, true, false);
        RawHttp.Response real = post("/admin/login/", "hp-staff", PASSWORD, "203.0.113.10");
        RawHttp.Response wrong = post("/admin/login/", "hp-staff", "not the password", "203.0.113.10");
        assertThat(real.status()).isEqualTo(200).isEqualTo(wrong.status());
        assertThat(real.body()).contains(HoneypotPage.FAILURE).contains("value=\"hp-staff\"");
        assertThat(real.headers("Set-Cookie")).isEmpty();
        assertThat(real.header("Location")).isNull();
        // Same page apart from the random form token.
        assertThat(real.body().replaceAll("value=\"[0-9a-f]{64}\"", ""))
                .isEqualTo(wrong.body().replaceAll("value=\"[0-9a-f]{64}\"", ""));
    }

    @Test
    @Order(3)
    void anAttemptIsRecordedWithoutItsPassword() throws Exception {
        post("/wp-login.php", "root\r\nInjected: yes" + "x".repeat(300), "hunter2-secret", "203.0.113.11",
                "User-Agent: sqlmap/1.7");
        worker.drain(Duration.ofSeconds(10));
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select * from portcullis_intrusion_attempt where client_address = '203.0.113.11'");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("PATH")).isEqualTo("/wp-login.php");
            assertThat(row.get("METHOD")).isEqualTo("POST");
            assertThat(row.get("USER_AGENT")).isEqualTo("sqlmap/1.7");
            assertThat((String) row.get("USERNAME")).startsWith("root??Injected: yes").hasSize(150);
            assertThat(row.get("ATTEMPTED_AT")).isNotNull();
            assertThat(row.values()).noneSatisfy(value -> assertThat(String.valueOf(value)).contains("hunter2"));
        });
        // Nowhere in the table, for any attempt so far.
        assertThat(jdbc.queryForList("select * from portcullis_intrusion_attempt").toString())
                .doesNotContain("hunter2").doesNotContain(PASSWORD);
    }

    @Test
    @Order(4)
    void threeAttemptsBlockTheAddressFromTheRealAdminUntilAnAdministratorLiftsIt() throws Exception {
        String before = RawHttp.get(port, "/console/login", "X-Forwarded-For: 203.0.113.30").body();
        assertThat(before).contains("<base href=");
        for (int i = 0; i < 3; i++) {
            post("/admin/", "admin", "admin" + i, "203.0.113.30");
        }
        worker.drain(Duration.ofSeconds(10));
        RawHttp.Response blocked = RawHttp.get(port, "/console/login", "X-Forwarded-For: 203.0.113.30");
        assertThat(blocked.withoutVaryingParts())
                .isEqualTo(RawHttp.get(port, "/x/console/login", "X-Forwarded-For: 203.0.113.30").withoutVaryingParts());
        assertThat(RawHttp.get(port, "/console/login", "X-Forwarded-For: 203.0.113.31").status()).isEqualTo(200);
        // Only the real admin: the rest of the site (here, the honeypot) still answers.
        assertThat(RawHttp.get(port, "/admin/", "X-Forwarded-For: 203.0.113.30").status()).isEqualTo(200);

        Long id = jdbc.queryForObject("select id from portcullis_honeypot_block where client_address = '203.0.113.30'",
                Long.class);
        service.lift(id, "test-admin");
        assertThat(RawHttp.get(port, "/console/login", "X-Forwarded-For: 203.0.113.30").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select lifted_by from portcullis_honeypot_block where id = ?", String.class, id))
                .isEqualTo("test-admin");
    }

    @Test
    @Order(5)
    void exemptNetworksAreRecordedButNeverBlocked() throws Exception {
        for (int i = 0; i < 4; i++) {
            post("/admin/", "admin", "admin" + i, "198.51.100.7");
        }
        worker.drain(Duration.ofSeconds(10));
        assertThat(RawHttp.get(port, "/console/login", "X-Forwarded-For: 198.51.100.7").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from portcullis_intrusion_attempt where client_address = ?",
                Integer.class, "198.51.100.7")).isEqualTo(4);
    }

    @Test
    @Order(6)
    void recordingStopsAtTheCapPerAddressAndHour() throws Exception {
        for (int i = 0; i < 9; i++) {
            assertThat(post("/admin/", "admin", "x", "203.0.113.40").status()).isEqualTo(200);
        }
        worker.drain(Duration.ofSeconds(10));
        assertThat(jdbc.queryForObject("select count(*) from portcullis_intrusion_attempt where client_address = ?",
                Integer.class, "203.0.113.40")).isEqualTo(5);
        clock.advance(Duration.ofMinutes(61));
        post("/admin/", "admin", "x", "203.0.113.40");
        worker.drain(Duration.ofSeconds(10));
        assertThat(jdbc.queryForObject("select count(*) from portcullis_intrusion_attempt where client_address = ?",
                Integer.class, "203.0.113.40")).isEqualTo(6);
    }

    @Test
    @Order(7)
    void theFirstAttemptFromAnAddressIsMailedAtOnceTheRestInAnHourlyDigest() throws Exception {
        clock.advance(Duration.ofHours(2));
        int before = SMTP.getReceivedMessages().length;
        post("/admin/login/", "mallory", "guess-one", "203.0.113.50", "User-Agent: curl/8.5");
        worker.drain(Duration.ofSeconds(10));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(before + 1);
        MimeMessage first = received[before];
        assertThat(first.getSubject()).contains("203.0.113.50");
        assertThat(first.getAllRecipients()[0].toString()).isEqualTo("security@bookshop.example");
        String text = GreenMailUtil.getBody(first);
        assertThat(text).contains("203.0.113.50").contains("mallory").contains("/admin/login/").contains("curl/8.5")
                .doesNotContain("guess-one");

        // A second attempt from the same address within the hour waits for the digest; a new address is news.
        post("/admin/login/", "mallory", "guess-two", "203.0.113.50");
        worker.drain(Duration.ofSeconds(10));
        assertThat(SMTP.getReceivedMessages()).hasSize(before + 1);
        post("/admin/login/", "trudy", "guess-three", "203.0.113.51");
        worker.drain(Duration.ofSeconds(10));
        assertThat(SMTP.getReceivedMessages()).hasSize(before + 2);
        assertThat(SMTP.getReceivedMessages()[before + 1].getSubject()).contains("203.0.113.51");
        worker.maintain();
        assertThat(SMTP.getReceivedMessages()).as("no digest within the hour").hasSize(before + 2);

        clock.advance(Duration.ofMinutes(61));
        worker.maintain();
        assertThat(SMTP.getReceivedMessages()).hasSize(before + 3);
        MimeMessage digest = SMTP.getReceivedMessages()[before + 2];
        assertThat(digest.getSubject()).contains("digest");
        assertThat(GreenMailUtil.getBody(digest)).contains("203.0.113.50").contains("mallory")
                .doesNotContain("trudy").doesNotContain("guess-");
        // Everything is reported once: the next run has nothing to send.
        clock.advance(Duration.ofMinutes(61));
        worker.maintain();
        assertThat(SMTP.getReceivedMessages()).hasSize(before + 3);
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(GreenMailUtil::getBody).toList().toString())
                .doesNotContain("hunter2").doesNotContain(PASSWORD);
    }

    @Test
    @Order(8)
    void theRetentionJobDeletesOldAttempts() throws Exception {
        post("/admin/", "late", "x", "203.0.113.70");
        worker.drain(Duration.ofSeconds(10));
        int all = jdbc.queryForObject("select count(*) from portcullis_intrusion_attempt", Integer.class);
        assertThat(all).isGreaterThan(1);
        clock.advance(Duration.ofDays(90).minusMinutes(1));
        worker.maintain();
        // Only attempts older than 90 days are gone: the last one is 89 days and 23 hours old.
        assertThat(jdbc.queryForList("select client_address from portcullis_intrusion_attempt", String.class))
                .containsExactly("203.0.113.70");
        clock.advance(Duration.ofMinutes(2));
        worker.maintain();
        assertThat(jdbc.queryForObject("select count(*) from portcullis_intrusion_attempt", Integer.class)).isZero();
    }

    private RawHttp.Response post(String path, String username, String password, String client, String... extra)
            throws Exception {
        String form = "csrfmiddlewaretoken=abc&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&next=%2Fadmin%2F";
        String[] headers = new String[2 + extra.length];
        headers[0] = "X-Forwarded-For: " + client;
        headers[1] = "Content-Type: application/x-www-form-urlencoded";
        System.arraycopy(extra, 0, headers, 2, extra.length);
        return RawHttp.send(port, "POST", path, form, headers);
    }
}
