package dev.portcullis.perimeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.auth.AdminUserService;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.RawHttp;
import dev.portcullis.testsupport.SignInPage;

/**
 * Another site's page making a browser post to us: the sign-in needs the page's CSRF token and its own Origin, and
 * honeypot attempts sent that way are recorded but never block the visitor's address. This test, at 127.0.0.1, is
 * a trusted proxy, so each test can play a different client.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portcullis.trusted-proxies=127.0.0.1", "portcullis.honeypot.delay=50ms",
                "portcullis.honeypot.paths=/admin/,/admin/login/"})
@ActiveProfiles("test")
class CrossSiteRequestTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String EVIL = "Origin: https://evil.example";

    @LocalServerPort
    int port;

    @Autowired
    AdminUserService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.portcullis.checks.internal.CheckRegistry checks;

    @Test
    void aBrowserThatOpenedTheSignInPageSignsIn() throws Exception {
        users.createUser("csrf-staff", PASSWORD, true, false, false);
        SignInPage page = SignInPage.open(port, "/console/login");

        RawHttp.Response signIn = post("/console/login", page.form("csrf-staff", PASSWORD), page.cookieHeader(),
                "Host: localhost:" + port, "Origin: http://localhost:" + port, "Sec-Fetch-Site: same-origin");

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.header("Location")).endsWith("/console/");
        String session = signIn.headers("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(RawHttp.get(port, "/console/", "Cookie: " + session).status()).isEqualTo(200);
    }

    @Test
    void aSignInWithoutTheTokenIsRefusedEvenWithTheRightPassword() throws Exception {
        users.createUser("csrf-tokenless", PASSWORD, true, false, false);
        SignInPage page = SignInPage.open(port, "/console/login");
        String withoutToken = "username=csrf-tokenless&password=" + PASSWORD.replace(' ', '+');

        for (String path : new String[] {"/console/login", "/console/login?v-r=uidl", "/console/%6cogin?v-r=uidl"}) {
            RawHttp.Response refused = post(path, withoutToken, page.cookieHeader());
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("You may not open this page.").doesNotContainIgnoringCase("csrf");
        }
        RawHttp.Response wrongToken = post("/console/login", withoutToken + "&_csrf=" + page.token().substring(1) + "x",
                page.cookieHeader());
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from portcullis_login_throttle where throttle_key like ?",
                Integer.class, "%csrf-tokenless%")).as("the password was never tried").isZero();
    }

    @Test
    void aSignInFromAnotherSiteIsRefusedEvenWithAValidToken() throws Exception {
        users.createUser("csrf-foreign", PASSWORD, true, false, false);
        for (String[] foreign : new String[][] {{EVIL}, {"Origin: null"}, {"Sec-Fetch-Site: cross-site"},
                {"Origin: http://localhost:" + port + ".evil.example"}, {"Origin: https://localhost:" + port}}) {
            SignInPage page = SignInPage.open(port, "/console/login");
            String[] headers = new String[foreign.length + 1];
            headers[0] = page.cookieHeader();
            System.arraycopy(foreign, 0, headers, 1, foreign.length);

            RawHttp.Response refused = post("/console/login", page.form("csrf-foreign", PASSWORD), headers);

            assertThat(refused.status()).as(String.join(", ", foreign)).isEqualTo(403);
            assertThat(refused.header("Content-Security-Policy")).isNotNull();
            assertThat(refused.body()).contains("You may not open this page.");
            assertThat(refused.headers("set-cookie")).as("no session was signed in").isEmpty();
        }
    }

    @Test
    void crossSitePostsToTheHoneypotAreRecordedButNeverBlockTheAddress() throws Exception {
        String client = "X-Forwarded-For: 203.0.113.61";
        for (int i = 0; i < 4; i++) {
            assertThat(post(i % 2 == 0 ? "/admin/login/" : "/admin/", "username=root&password=x", client, EVIL,
                    "Sec-Fetch-Site: cross-site").status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("select count(*) from "
                + "portcullis_intrusion_attempt where client_address = '203.0.113.61' and cross_site", Integer.class) == 4);

        assertThat(jdbc.queryForObject("select count(*) from portcullis_honeypot_block where client_address = "
                + "'203.0.113.61'", Integer.class)).isZero();
        assertThat(RawHttp.get(port, "/console/login", client).status()).isEqualTo(200);

        // The same attempts from the honeypot's own page still block, as before.
        String other = "X-Forwarded-For: 203.0.113.62";
        for (int i = 0; i < 3; i++) {
            post("/admin/login/", "username=root&password=x", other, "Host: localhost:" + port,
                    "Origin: http://localhost:" + port);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("select count(*) from "
                + "portcullis_honeypot_block where client_address = '203.0.113.62'", Integer.class) == 1);
        assertThat(RawHttp.get(port, "/console/login", other).status()).isEqualTo(404);
    }

    @Test
    void aForgedHostNeverReachesARedirect() throws Exception {
        // No portcullis.admin.allowed-hosts here: redirects are relative rather than naming the client's Host.
        for (String path : new String[] {"/console/", "/console", "/admin"}) {
            RawHttp.Response redirect = RawHttp.get(port, path, "Host: evil.example");
            assertThat(redirect.status()).as(path).isBetween(301, 303);
            assertThat(redirect.header("Location")).as(path).startsWith("/").doesNotContain("evil.example");
        }
    }

    @Test
    void theDeployCheckFindsNoSignInExemptFromCsrf() {
        assertThat(checks.run(dev.portcullis.checks.internal.CheckRegistry.Scope.DEPLOY, java.util.Set.of("security"))
                .findings()).extracting(dev.portcullis.checks.CheckMessage::id).doesNotContain("security.W056",
                        "security.W060");
    }

    private RawHttp.Response post(String path, String form, String... headers) throws Exception {
        String[] all = new String[headers.length + 1];
        all[0] = "Content-Type: application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 1, headers.length);
        return RawHttp.send(port, "POST", path, form, all);
    }
}
