package dev.portcullis.perimeter;

import static org.assertj.core.api.Assertions.assertThat;


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
 * The admin on its own host name, for one network, behind a trusted proxy (this test's own address, 127.0.0.1).
 * A wrong host or network gets exactly the 404 of a path that does not exist; sign-in throttling and session
 * records see the client the proxy forwarded, not the proxy.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portcullis.admin.allowed-hosts=admin.example.test",
                "portcullis.admin.allowed-networks=203.0.113.0/24, 2001:db8::/32",
                "portcullis.trusted-proxies=127.0.0.1", "portcullis.login.max-failures-per-address=3"})
@ActiveProfiles("test")
class AdminGateTest {

    private static final String ADMIN_HOST = "Host: admin.example.test";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AdminUserService users;

    @Test
    void theAdminIsServedToAnAllowedHostAndNetwork() throws Exception {
        assertThat(RawHttp.get(port, "/console/login", ADMIN_HOST, "X-Forwarded-For: 203.0.113.5").status())
                .isEqualTo(200);
        assertThat(RawHttp.get(port, "/console/login", ADMIN_HOST, "X-Forwarded-For: 2001:db8::5").status())
                .isEqualTo(200);
    }

    @Test
    void aWrongHostGetsTheSameAnswerAsAPathThatDoesNotExist() throws Exception {
        for (String path : new String[] {"/console/login", "/console", "/console/", "/console/VAADIN/build/x.js",
                "/%63onsole/login", "/console;x=1/login", "/console/./login"}) {
            // The same path under a prefix that does not exist: a file name ending in .js gets the same extra header.
            String nothing = RawHttp.get(port, "/nothing" + path, "Host: www.example.test",
                    "X-Forwarded-For: 203.0.113.5").withoutVaryingParts();
            RawHttp.Response refused = RawHttp.get(port, path, "Host: www.example.test", "X-Forwarded-For: 203.0.113.5");
            assertThat(refused.status()).as(path).isIn(400, 404);
            assertThat(refused.body()).as(path).doesNotContain("<base href=");
            // Paths that are not normal form are refused, not necessarily with the same status as elsewhere.
            if (!path.contains("%") && !path.contains(";") && !path.contains("/.")) {
                assertThat(refused.withoutVaryingParts()).as(path).isEqualTo(nothing);
            }
        }
    }

    @Test
    void aWrongNetworkGetsTheSameAnswerAsAPathThatDoesNotExist() throws Exception {
        String nothing = RawHttp.get(port, "/no-such-page", ADMIN_HOST, "X-Forwarded-For: 198.51.100.4")
                .withoutVaryingParts();
        RawHttp.Response refused = RawHttp.get(port, "/console/login", ADMIN_HOST, "X-Forwarded-For: 198.51.100.4");
        assertThat(refused.withoutVaryingParts()).isEqualTo(nothing);
        // The proxy itself is not in the allowed networks either.
        assertThat(RawHttp.get(port, "/console/login", ADMIN_HOST).withoutVaryingParts())
                .isEqualTo(RawHttp.get(port, "/no-such-page", ADMIN_HOST).withoutVaryingParts());
        // A POST to the sign-in form is refused before Spring Security sees it.
        RawHttp.Response post = RawHttp.send(port, "POST", "/console/login", "username=a&password=b", ADMIN_HOST,
                "X-Forwarded-For: 198.51.100.4", "Content-Type: application/x-www-form-urlencoded");
        assertThat(post.status()).isEqualTo(404);
    }

    @Test
    void signInThrottlingCountsTheForwardedClientNotTheProxy() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("nobody-" + i, "203.0.113.77").header("Location")).endsWith("/console/login?error");
        }
        assertThat(jdbc.queryForObject("select count(*) from portcullis_login_throttle where throttle_key = ? "
                + "and locked_until is not null", Integer.class, "ip:203.0.113.77")).isOne();
        assertThat(jdbc.queryForObject("select count(*) from portcullis_login_throttle where throttle_key = ?",
                Integer.class, "ip:127.0.0.1")).isZero();
        // The locked address is refused; its neighbour is not.
        assertThat(signIn("nobody-9", "203.0.113.77").header("Location")).contains("error&");
        assertThat(signIn("nobody-9", "203.0.113.78").header("Location")).endsWith("/console/login?error");
    }

    @Test
    void sessionRecordsShowTheForwardedClient() throws Exception {
        users.createUser("gate-staff", "correct horse battery staple", true, false, false);
        RawHttp.Response signedIn = signIn("gate-staff", "203.0.113.50");
        assertThat(signedIn.header("Location")).endsWith("/console/");
        String cookie = signedIn.header("Set-Cookie").split(";")[0];
        assertThat(RawHttp.get(port, "/console/", ADMIN_HOST, "X-Forwarded-For: 203.0.113.50", "Cookie: " + cookie)
                .status()).isEqualTo(200);
        assertThat(jdbc.queryForList("select client_address from portcullis_session where username = 'gate-staff'",
                String.class)).containsExactly("203.0.113.50");
    }

    private RawHttp.Response signIn(String username, String forwardedFor) throws Exception {
        SignInPage page = SignInPage.open(port, "/console/login", ADMIN_HOST, "X-Forwarded-For: " + forwardedFor);
        return RawHttp.send(port, "POST", "/console/login", page.form(username, "correct horse battery staple"),
                ADMIN_HOST, "X-Forwarded-For: " + forwardedFor, page.cookieHeader(),
                "Content-Type: application/x-www-form-urlencoded");
    }
}
