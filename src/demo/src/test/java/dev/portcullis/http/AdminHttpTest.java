package dev.portcullis.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.auth.AdminUserService;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.SignInPage;

/**
 * The admin over real HTTP: what lives where, and what sign-in answers.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    AdminUserService users;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).build();

    @Test
    void loginPageIsServedAtTheAdminPath() throws Exception {
        HttpResponse<String> login = get("/console/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<base href=");
    }

    @Test
    void nothingOfTheAdminIsServedAtTheRoot() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).as(root.body()).isEqualTo(404);
        assertThat(get("/login").statusCode()).isEqualTo(404);
        assertThat(get("/VAADIN/").statusCode()).isEqualTo(404);
    }

    @Test
    void adminPagesNeedSignIn() throws Exception {
        HttpResponse<String> dashboard = get("/console/");
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        // A browser asks for HTML; it must be sent to the same page, never to /login at the site root.
        HttpResponse<String> browser = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/console/book")).header("Accept", "text/html,application/xhtml+xml").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
    }

    @Test
    void ourStylesheetIsServedUnderTheAdminPathWithoutABundle() throws Exception {
        HttpResponse<String> css = get("/console/themes/portcullis/portcullis.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".pc-brand");
    }

    @Test
    void lumoIsServedUnderTheAdminPathOnly() throws Exception {
        HttpResponse<String> lumo = get("/console/lumo/lumo.css");
        assertThat(lumo.statusCode()).isEqualTo(200);
        assertThat(lumo.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(lumo.body()).contains("--lumo-primary-color");
        assertThat(get("/lumo/lumo.css").statusCode()).isEqualTo(404);
        assertThat(get("/console/lumo/../application.yml").statusCode()).isIn(400, 404);
        assertThat(get("/console/lumo/lumo.js").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() throws Exception {
        users.createUser("http-user", "correct horse battery staple", true, false, false);
        HttpResponse<String> wrongPassword = postLogin("http-user", "wrong password entirely");
        HttpResponse<String> unknownUser = postLogin("nobody-by-this-name", "wrong password entirely");
        assertThat(wrongPassword.statusCode()).isEqualTo(302).isEqualTo(unknownUser.statusCode());
        assertThat(wrongPassword.headers().firstValue("Location"))
                .isEqualTo(unknownUser.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console/login?error"));
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
    }

    @Test
    void nonStaffUsersCannotSignIn() throws Exception {
        users.createUser("http-customer", "correct horse battery staple", false, false, false);
        HttpResponse<String> response = postLogin("http-customer", "correct horse battery staple");
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?error");
    }

    @Test
    void signInIssuesANewSessionAndOpensTheAdmin() throws Exception {
        users.createUser("http-staff", "correct horse battery staple", true, false, false);
        get("/console/login");
        String before = sessionCookie();
        HttpResponse<String> response = postLogin("http-staff", "correct horse battery staple");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
        assertThat(sessionCookie()).isNotNull().isNotEqualTo(before);
        assertThat(get("/console/").statusCode()).isEqualTo(200);
    }

    @Test
    void anOlderHashFormatIsUpgradedToArgon2idAtTheNextSignIn() throws Exception {
        users.createUser("http-legacy", "correct horse battery staple", true, false, false);
        String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                .encode("correct horse battery staple");
        jdbc.update("update portcullis_user set password_hash = ? where username = 'http-legacy'", bcrypt);
        HttpResponse<String> response = postLogin("http-legacy", "correct horse battery staple");
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
        assertThat(jdbc.queryForObject("select password_hash from portcullis_user where username = 'http-legacy'",
                String.class)).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    }

    private String sessionCookie() {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(java.net.HttpCookie::getValue).findFirst()
                .orElse(null);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(String username, String password) throws Exception {
        // As a browser does: the form carries the CSRF token of the sign-in page it was on.
        String form = SignInPage.form(username, password, get("/console/login").body());
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
