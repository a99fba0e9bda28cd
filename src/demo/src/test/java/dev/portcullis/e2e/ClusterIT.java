package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import dev.portcullis.testsupport.SignInPage;
import dev.portcullis.testsupport.TestPostgres;

/**
 * Two production jars on one real PostgreSQL server, behind nginx (TLS terminated there, affinity by client address),
 * as the README's "Running several nodes" sets them up. Each test is one promise of a cluster, checked across nodes:
 * directly against node A and node B where the point is that they differ, through nginx where the point is what a
 * user sees. Node A is reached as {@code localhost}, node B as {@code 127.0.0.1}, so the browser keeps a separate
 * session cookie for each. The tests run in order: the last one stops a node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String KEY = AdminSignInBrowserIT.SECRET_KEY;
    private static final String ADMIN_PASSWORD = "ferry bells across the grey sound";
    private static final String ADMIN_NEW_PASSWORD = "lanterns swing above the night market";
    private static final String STAFF_PASSWORD = "copper kettles hum in the back room";
    private static final Pattern LOG_PASSWORD = Pattern.compile("one-time password: (\\S+)");

    private static String jdbcUrl;
    private static ProductionJar.Running nodeA;
    private static ProductionJar.Running nodeB;
    private static int portA;
    private static int portB;
    private static Nginx nginx;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Instant began;

    @BeforeAll
    static void start() throws Exception {
        began = Instant.now();
        Nginx.require();
        jdbcUrl = TestPostgres.newDatabaseUrl();
        // Node A first: it migrates the database and creates the first staff user; node B finds both done.
        nodeA = ProductionJar.start(node("node-a", "--demo.data.enabled=true",
                "--portcullis.environment.allow-unsafe=demo-data", "--portcullis.bootstrap.username=admin",
                "--portcullis.bootstrap.password=" + ADMIN_PASSWORD));
        nodeB = ProductionJar.start(node("node-b"));
        portA = URI.create(nodeA.adminUrl()).getPort();
        portB = URI.create(nodeB.adminUrl()).getPort();
        nginx = Nginx.start(List.of(portA, portB));
        String staff = new BCryptPasswordEncoder().encode(STAFF_PASSWORD);
        for (String user : List.of("lee", "kim", "ana", "bo", "cy", "runner")) {
            sql("insert into portcullis_user (username, password_hash, active, staff, superuser, must_change_password,"
                    + " created_at) values (?, ?, true, true, false, false, current_timestamp)", user, "{bcrypt}" + staff);
        }
        // Two editors of books and orders who need no second factor (only superusers do, in this setup).
        sql("insert into portcullis_role (name, description) values ('Shop', 'Books and orders')");
        for (String permission : List.of("book:change", "order:change")) {
            sql("insert into portcullis_role_permission (role_id, permission) select id, ? from portcullis_role"
                    + " where name = 'Shop'", permission);
        }
        for (String user : List.of("bo", "cy")) {
            sql("insert into portcullis_user_role (user_id, role_id) select u.id, r.id from portcullis_user u,"
                    + " portcullis_role r where u.username = ? and r.name = 'Shop'", user);
        }
        System.out.printf("[measure] cluster up (PostgreSQL, two nodes, nginx) in %d s%n",
                Duration.between(began, Instant.now()).toSeconds());
    }

    private static List<String> node(String name, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=prod",
                "--portcullis.secret-key=" + KEY, "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                // The nodes also answer this test directly over plain HTTP; behind nginx only, keep HTTPS on.
                AdminSignInBrowserIT.PLAIN_HTTP,
                "--portcullis.trusted-proxies=127.0.0.1", "--portcullis.cluster.enabled=true",
                "--portcullis.cluster.node-name=" + name, "--portcullis.two-factor.required-for=ROLE_SUPERUSER"));
        arguments.addAll(Arrays.asList(more));
        return arguments;
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            Browser.screenshot(browser, "cluster-last-page");
            browser.quit();
        }
        for (AutoCloseable running : new AutoCloseable[] {nginx, nodeA, nodeB}) {
            if (running != null) {
                running.close();
            }
        }
        if (began != null) {
            System.out.printf("[measure] ClusterIT took %d s in all%n", Duration.between(began, Instant.now()).toSeconds());
        }
    }

    @Test
    @Order(1)
    void fiveWrongPasswordsSpreadOverBothNodesLockTheAccountOnBoth() throws Exception {
        int[] nodes = {portA, portB, portA, portB, portA};
        for (int node : nodes) {
            assertThat(signIn(direct(node), "lee", "not the password " + node).location())
                    .endsWith("/console/login?error");
        }
        assertThat(signIn(direct(portB), "lee", STAFF_PASSWORD).location()).as("right password on B")
                .endsWith("?error&throttled");
        assertThat(signIn(direct(portA), "lee", STAFF_PASSWORD).location()).as("right password on A")
                .endsWith("?error&throttled");
        assertThat(signIn(viaNginx(), "lee", STAFF_PASSWORD).location()).as("through nginx")
                .endsWith("?error&throttled");
        // Another user is not affected.
        assertThat(signIn(direct(portB), "runner", STAFF_PASSWORD).location()).endsWith("/console/");
    }

    @Test
    @Order(2)
    void aHoneypotCatchOnNodeABlocksThatAddressOnNodeB() throws Exception {
        String intruder = "203.0.113.9";
        assertThat(get(direct(portB), "/console/login", intruder).statusCode()).as("before").isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> caught = direct(portA).client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + portA + "/admin/login/"))
                    .header("X-Forwarded-For", intruder)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=guess" + i)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(caught.statusCode()).isEqualTo(200);
        }
        // The honeypot records on its own thread: the block reaches the database a moment after the answer.
        Instant deadline = Instant.now().plusSeconds(20);
        int status;
        while ((status = get(direct(portB), "/console/login", intruder).statusCode()) == 200
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(status).as("the blocked address on node B: the admin is not there for it").isEqualTo(404);
        assertThat(get(direct(portB), "/console/login", "203.0.113.10").statusCode()).as("another address")
                .isEqualTo(200);
    }

    @Test
    @Order(3)
    void aTotpCodeOrRecoveryCodeUsedOnOneNodeIsRefusedOnTheOther() throws Exception {
        openBrowser();
        String a = "http://localhost:" + portA + "/console/";
        String b = "http://127.0.0.1:" + portB + "/console/";
        // Enrolment on node A, as the first staff user must.
        signInAt(a, "admin", ADMIN_PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Step 1 of 4"));
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-secret")));
        String secret = browser.findElement(By.id("two-factor-secret")).getText().replace(" ", "");
        browser.findElement(By.id("two-factor-next")).click();
        String confirming = Oathtool.totp(secret);
        Browser.type(wait, "#two-factor-code input", confirming);
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Step 4 of 4"));
        List<String> recovery = browser.findElements(By.cssSelector("#recovery-codes li")).stream()
                .map(WebElement::getText).toList();
        assertThat(recovery).hasSize(10);
        browser.findElement(By.id("recovery-codes-stored")).click();
        wait.until(d -> d.findElement(By.id("two-factor-next")).getDomAttribute("disabled") == null);
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-password")));
        Browser.type(wait, "#current-password input", ADMIN_PASSWORD);
        Browser.type(wait, "#new-password input", ADMIN_NEW_PASSWORD);
        Browser.type(wait, "#confirm-password input", ADMIN_NEW_PASSWORD);
        browser.findElement(By.id("change-password")).click();
        awaitDashboard();
        signOut();

        // A fresh code signs in on A; the same code, inside its time step, is refused on B.
        String code = Oathtool.totpAfter(secret, confirming);
        signInAt(a, "admin", ADMIN_NEW_PASSWORD);
        Browser.type(wait, "#two-factor-code input", code);
        browser.findElement(By.id("two-factor-verify")).click();
        awaitDashboard();
        signOut();
        signInAt(b, "admin", ADMIN_NEW_PASSWORD);
        Browser.type(wait, "#two-factor-code input", code);
        browser.findElement(By.id("two-factor-verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pc-problems"), "used already"));
        Browser.screenshot(browser, "cluster-totp-replayed-on-b");

        // A recovery code spent on A is gone on B; the next one works there, and both count the same codes.
        signInAt(a, "admin", ADMIN_NEW_PASSWORD);
        Browser.type(wait, "#two-factor-code input", recovery.get(0));
        browser.findElement(By.id("two-factor-verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recovery-codes-left"), "9 recovery codes left"));
        browser.findElement(By.id("two-factor-continue")).click();
        awaitDashboard();
        signOut();
        signInAt(b, "admin", ADMIN_NEW_PASSWORD);
        Browser.type(wait, "#two-factor-code input", recovery.get(0));
        browser.findElement(By.id("two-factor-verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pc-problems"), "not right"));
        Browser.type(wait, "#two-factor-code input", recovery.get(1));
        browser.findElement(By.id("two-factor-verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recovery-codes-left"), "8 recovery codes left"));
        browser.findElement(By.id("two-factor-continue")).click();
        awaitDashboard();
        signOut();
    }

    @Test
    @Order(4)
    void aSessionEndedOnNodeAIsSignedOutAtItsNextRequestOnNodeB() throws Exception {
        openBrowser();
        Http onB = direct(portB);
        String elsewhere = "198.51.100.20";
        assertThat(signIn(onB, "kim", STAFF_PASSWORD, elsewhere).location()).endsWith("/console/");
        assertThat(get(onB, "/console/", elsewhere).statusCode()).isEqualTo(200);

        signInAt("http://localhost:" + portA + "/console/", "kim", STAFF_PASSWORD);
        awaitDashboard();
        // My sessions on node A, narrowed to the session from the other address, which runs on node B.
        browser.get("http://localhost:" + portA + "/console/session?q=" + elsewhere);
        selectAllRows(1);
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='End session']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-action"))).click();
        wait.until(d -> countOf("select count(*) from portcullis_session where username = 'kim' and client_address = ?"
                + " and ended_at is not null", elsewhere) == 1);

        HttpResponse<String> next = get(onB, "/console/", elsewhere);
        assertThat(next.statusCode()).as("next request on B").isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        signOut();
    }

    @Test
    @Order(5)
    void aPasswordChangedOnNodeAEndsTheSessionsOnNodeB() throws Exception {
        openBrowser();
        Http onB = direct(portB);
        assertThat(signIn(onB, "ana", STAFF_PASSWORD).location()).endsWith("/console/");
        assertThat(get(onB, "/console/", null).statusCode()).isEqualTo(200);

        signInAt("http://localhost:" + portA + "/console/", "ana", STAFF_PASSWORD);
        awaitDashboard();
        browser.get("http://localhost:" + portA + "/console/change-password");
        Browser.type(wait, "#current-password input", STAFF_PASSWORD);
        Browser.type(wait, "#new-password input", "pebbles under the old stone bridge");
        Browser.type(wait, "#confirm-password input", "pebbles under the old stone bridge");
        browser.findElement(By.id("change-password")).click();
        wait.until(d -> countOf("select count(*) from portcullis_session where username = 'ana' and ended_at is null",
                null) == 1);

        HttpResponse<String> next = get(onB, "/console/", null);
        assertThat(next.statusCode()).as("next request on B").isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        signOut();
    }

    @Test
    @Order(6)
    void twoEditorsOfOneBookOnTwoNodesTheSecondIsToldAndNothingIsLost() throws Exception {
        openBrowser();
        long book = countOf("select min(id) from book", null);
        String original = text("select title from book where id = ?", book);
        // Editor bo on node A, editor cy on node B, in two tabs of one browser (two hosts: two session cookies).
        String tabA = browser.getWindowHandle();
        signInAt("http://localhost:" + portA + "/console/", "bo", STAFF_PASSWORD);
        awaitDashboard();
        browser.get("http://localhost:" + portA + "/console/book/" + book);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-title")));

        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        String tabB = browser.getWindowHandle();
        signInAt("http://127.0.0.1:" + portB + "/console/", "cy", STAFF_PASSWORD);
        awaitDashboard();
        browser.get("http://127.0.0.1:" + portB + "/console/book/" + book);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-title")));
        Browser.type(wait, "#field-title input", original + " (cy's edition)");
        browser.findElement(By.id("save")).click();
        wait.until(d -> text("select title from book where id = ?", book).endsWith("(cy's edition)"));

        browser.switchTo().window(tabA);
        Browser.type(wait, "#field-title input", original + " (bo's edition)");
        browser.findElement(By.id("save")).click();
        wait.until(d -> d.getPageSource().contains("Someone else changed this"));
        Browser.screenshot(browser, "cluster-stale-version");
        assertThat(text("select title from book where id = ?", book)).as("the first save stays")
                .isEqualTo(original + " (cy's edition)");
        Object typed = ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('#field-title').value");
        assertThat(typed).as("the second editor's typing is still on screen").isEqualTo(original + " (bo's edition)");
        browser.switchTo().window(tabB);
        browser.close();
        browser.switchTo().window(tabA);
    }

    @Test
    @Order(7)
    void bulkActionsOnBothNodesAtOnceKeepTheHistoryChainValid() throws Exception {
        openBrowser();
        long before = countOf("select count(*) from portcullis_history", null);
        String tabA = browser.getWindowHandle();
        signInAt("http://localhost:" + portA + "/console/", "bo", STAFF_PASSWORD);
        awaitDashboard();
        browser.get("http://localhost:" + portA + "/console/order?status=PAID&o=placedAt");
        selectAllRows(2);
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        String tabB = browser.getWindowHandle();
        signInAt("http://127.0.0.1:" + portB + "/console/", "cy", STAFF_PASSWORD);
        awaitDashboard();
        browser.get("http://127.0.0.1:" + portB + "/console/order?status=PAID&o=-placedAt");
        selectAllRows(2);
        long paid = countOf("select count(*) from shop_order where status = 'PAID'", null);
        // Both clicks within a moment of each other; each node works through its orders in batches.
        // Every action that changes data asks first (Cancel has the focus): each tab confirms its own run.
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Mark as shipped']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-action"))).click();
        browser.switchTo().window(tabA);
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Mark as shipped']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-action"))).click();
        // A finished action clears the selection and reports in a notification.
        awaitSelectionCleared();
        browser.switchTo().window(tabB);
        awaitSelectionCleared();
        long shipped = paid - countOf("select count(*) from shop_order where status = 'PAID'", null);
        System.out.printf("[measure] orders shipped by the two nodes at once: %d of %d paid%n", shipped, paid);
        assertThat(shipped).as("orders shipped").isGreaterThan(0);
        long written = countOf("select count(*) from portcullis_history", null) - before;
        System.out.printf("[measure] history entries written by both nodes at once: %d%n", written);
        assertThat(written).as("history entries from both bulk actions").isGreaterThan(1);

        CheckCommandResult check = checkCommand("--tag", "audit", "--fail-level", "ERROR",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--portcullis.secret-key=" + KEY);
        assertThat(check.output()).doesNotContain("audit.E001").contains("System check identified no issues");
        assertThat(check.exitCode()).as(check.output()).isZero();
        browser.close();
        browser.switchTo().window(tabA);
    }

    @Test
    @Order(8)
    void signInThroughNginxIsMeasuredAgainstDirect() throws Exception {
        long[] direct = new long[20];
        long[] proxied = new long[20];
        signIn(direct(portA), "runner", STAFF_PASSWORD); // warm both paths
        signIn(viaNginx(), "runner", STAFF_PASSWORD);
        for (int i = 0; i < direct.length; i++) {
            long start = System.nanoTime();
            assertThat(signIn(direct(portA), "runner", STAFF_PASSWORD).location()).endsWith("/console/");
            direct[i] = System.nanoTime() - start;
            start = System.nanoTime();
            assertThat(signIn(viaNginx(), "runner", STAFF_PASSWORD).location()).endsWith("/console/");
            proxied[i] = System.nanoTime() - start;
        }
        Arrays.sort(direct);
        Arrays.sort(proxied);
        System.out.printf("[measure] sign-in (login page + password), median of 20: direct %.1f ms, through nginx "
                + "(TLS) %.1f ms%n", (direct[9] + direct[10]) / 2e6, (proxied[9] + proxied[10]) / 2e6);
    }

    @Test
    @Order(9)
    void whenTheNodeOfASignedInUserStopsNginxSendsThemToTheOtherWhereTheySignInAgainAndNothingIsLost()
            throws Exception {
        Http user = viaNginx();
        assertThat(signIn(user, "runner", STAFF_PASSWORD).location()).endsWith("/console/");
        HttpResponse<String> signedIn = get(user, "/console/", null);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String first = signedIn.headers().firstValue("X-Upstream").orElseThrow();
        assertThat(get(user, "/console/", null).headers().firstValue("X-Upstream").orElseThrow())
                .as("affinity: the same node again").isEqualTo(first);
        long books = countOf("select count(*) from book", null);
        long edited = countOf("select count(*) from book where title like '%(cy''s edition)'", null);

        (first.endsWith(":" + portA) ? nodeA : nodeB).close();

        HttpResponse<String> after = get(user, "/console/", null);
        // nginx names every node it tried, the stopped one first: "127.0.0.1:A, 127.0.0.1:B".
        String tried = after.headers().firstValue("X-Upstream").orElseThrow();
        String second = tried.substring(tried.lastIndexOf(' ') + 1);
        assertThat(second).as("nginx sent the request to the other node").isNotEqualTo(first);
        assertThat(after.statusCode()).as("the other node does not know the session: sign in again").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        assertThat(signIn(user, "runner", STAFF_PASSWORD).location()).matches(".*/console/(\\?continue)?");
        HttpResponse<String> again = get(user, "/console/", null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("X-Upstream").orElseThrow()).isEqualTo(second);
        assertThat(countOf("select count(*) from book", null)).as("nothing saved is lost").isEqualTo(books);
        assertThat(countOf("select count(*) from book where title like '%(cy''s edition)'", null)).isEqualTo(edited);
    }

    // --- HTTP ---

    /** One user agent: its own cookies, a base URL. */
    record Http(HttpClient client, String base) {
    }

    record Answer(int status, String location) {
    }

    private static Http direct(int port) {
        String host = port == portA ? "localhost" : "127.0.0.1";
        return new Http(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build(), "http://" + host + ":" + port);
    }

    private static Http viaNginx() throws Exception {
        return new Http(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).sslContext(nginx.trust()).build(),
                "https://localhost:" + nginx.port());
    }

    private static HttpResponse<String> get(Http http, String path, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path)).header("Accept", "text/html");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Answer signIn(Http http, String username, String password) throws Exception {
        return signIn(http, username, password, null);
    }

    private static Answer signIn(Http http, String username, String password, String forwardedFor) throws Exception {
        String page = get(http, "/console/login", forwardedFor).body();
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(http.base() + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SignInPage.form(username, password, page)));
        if (forwardedFor != null) {
            post.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<Void> answer = http.client().send(post.build(), HttpResponse.BodyHandlers.discarding());
        return new Answer(answer.statusCode(), answer.headers().firstValue("Location").orElse(""));
    }

    // --- the database, read as an operator would ---

    private static void sql(String statement, Object... parameters) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.executeUpdate();
        }
    }

    private static long countOf(String query, Object parameter) {
        return Long.parseLong(text(query, parameter));
    }

    private static String text(String query, Object parameter) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement prepared = connection.prepareStatement(query)) {
            if (parameter != null) {
                prepared.setObject(1, parameter);
            }
            try (ResultSet row = prepared.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the check command ---

    record CheckCommandResult(int exitCode, String output) {
    }

    private static CheckCommandResult checkCommand(String... arguments) throws Exception {
        Path workdir = Files.createTempDirectory("portcullis-check");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ProductionJar.path().toString(), "check"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new CheckCommandResult(process.exitValue(), output);
    }

    // --- the browser ---

    private static void openBrowser() throws Exception {
        if (browser == null) {
            browser = Browser.open();
            wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        }
    }

    /** Opens the URL with no cookies for its host (a new visitor there), and signs in on the form it leads to. */
    private static void signInAt(String url, String username, String password) {
        browser.get(url);
        browser.manage().deleteAllCookies();
        browser.get(url);
        signInForm(username, password);
    }

    private static void signInForm(String username, String password) {
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        Browser.type(wait, "vaadin-login-form input[name='username']", username);
        Browser.type(wait, "vaadin-login-form input[name='password']", password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
    }

    private static void awaitDashboard() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[starts-with(normalize-space(), 'Welcome')]")));
    }

    private static void signOut() {
        browser.findElement(By.cssSelector("vaadin-menu-bar.pc-user-menu vaadin-menu-bar-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-menu-bar-item[normalize-space()='Sign out']"))).click();
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
    }

    /** Ticks "select all" of the list's grid once it shows at least {@code rows} rows, as a user would. */
    private static void selectAllRows(int rows) {
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).size() >= rows);
        WebElement selectAll = wait.until(d -> d.findElements(By.cssSelector("vaadin-grid vaadin-checkbox")).stream()
                .filter(box -> String.valueOf(box.getDomAttribute("class")).contains("select-all")
                        || String.valueOf(box.getDomAttribute("aria-label")).toLowerCase(java.util.Locale.ROOT)
                                .contains("all"))
                .findFirst().orElse(null));
        selectAll.click();
        wait.until(d -> d.findElement(By.className("pc-selection")).getText().contains("selected"));
    }

    private static void awaitSelectionCleared() {
        wait.until(d -> d.findElement(By.className("pc-selection")).getText().isEmpty());
    }
}
