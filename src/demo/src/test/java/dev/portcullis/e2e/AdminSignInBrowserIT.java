package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A newcomer's first visit, in a real browser against the real production jar in the prod profile: sign in
 * with the one-time password the jar printed, set up two-factor sign-in in the wizard with codes from the independent
 * {@code oathtool}, choose a new password, reach the dashboard, sign out; then sign in again with password and code,
 * and see a replayed code refused.
 */
class AdminSignInBrowserIT {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");

    static final String SECRET_KEY = java.util.Base64.getEncoder().encodeToString(
            new java.security.SecureRandom().generateSeed(32));

    /** The browser tests talk plain HTTP to a random local port; HTTPS has a test of its own. */
    static final String PLAIN_HTTP = "--portcullis.https.enabled=false";

    private static ProductionJar.Running app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.open();
        // The demo's sample data, so the list and form below have rows to show: a production guard that has to be
        // overridden explicitly, which the jar logs.
        app = ProductionJar.start(List.of("--spring.profiles.active=prod", "--portcullis.secret-key=" + SECRET_KEY,
                "--demo.data.enabled=true", "--portcullis.environment.allow-unsafe=demo-data", PLAIN_HTTP));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            Browser.screenshot(browser, "last-page");
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void newcomerSignsInWithThePrintedPasswordChoosesTheirOwnAndSignsOut() throws Exception {
        assertThat(app.output()).contains("The following 1 profile is active: \"prod\"")
                .contains("PRODUCTION GUARD OVERRIDDEN by portcullis.environment.allow-unsafe=demo-data");
        String oneTimePassword = app.awaitOutput(ONE_TIME_PASSWORD, Duration.ofSeconds(30));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(app.adminUrl());
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        signIn(wait, "admin", "not the password");
        wait.until(ExpectedConditions.urlContains("login?error"));
        wait.until(d -> d.findElement(By.tagName("vaadin-login-form")).getDomAttribute("error") != null);
        Browser.screenshot(browser, "login-error");

        signIn(wait, "admin", oneTimePassword);
        // Production requires two-factor sign-in for staff: straight from the password into the wizard.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Step 1 of 4"));
        Browser.screenshot(browser, "two-factor-why");
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-qr")));
        wait.until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.getElementById('two-factor-qr').naturalWidth")).intValue() > 0);
        String secret = browser.findElement(By.id("two-factor-secret")).getText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        Browser.screenshot(browser, "two-factor-scan");
        browser.findElement(By.id("two-factor-next")).click();
        String confirmingCode = Oathtool.totp(secret);
        Browser.type(wait, "#two-factor-code input", confirmingCode);
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Step 4 of 4"));
        List<String> recoveryCodes = browser.findElements(By.cssSelector("#recovery-codes li")).stream()
                .map(WebElement::getText).toList();
        assertThat(recoveryCodes).hasSize(10).allMatch(code -> code.matches("[0-9A-Z]{5}-[0-9A-Z]{5}"));
        assertThat(browser.findElement(By.id("download-recovery-codes")).getDomAttribute("href")).isNotBlank();
        Browser.screenshot(browser, "two-factor-recovery-codes");
        assertThat(browser.findElement(By.id("two-factor-next")).getDomAttribute("disabled")).isNotNull();
        browser.findElement(By.id("recovery-codes-stored")).click();
        wait.until(d -> d.findElement(By.id("two-factor-next")).getDomAttribute("disabled") == null);
        browser.findElement(By.id("two-factor-next")).click();

        // Then the forced password change, which comes after the second factor.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-password")));
        Browser.screenshot(browser, "change-password");
        Browser.type(wait, "#current-password input", oneTimePassword);
        // The strength meter follows the typing: a common password first, then a strong passphrase.
        Browser.type(wait, "#new-password input", "password1234");
        wait.until(d -> d.findElement(By.className("pc-strength-label")).getText().matches("Very weak|Weak"));
        assertThat(browser.findElement(By.id("change-password")).getDomAttribute("disabled")).isNotNull();
        Browser.screenshot(browser, "password-meter-weak");
        Browser.type(wait, "#new-password input", "quiet lantern over harbour water");
        wait.until(d -> d.findElement(By.className("pc-strength-label")).getText().matches("Strong|Very strong"));
        Browser.screenshot(browser, "password-meter-strong");
        Browser.type(wait, "#confirm-password input", "quiet lantern over harbour water");
        browser.findElement(By.id("change-password")).click();

        WebElement welcome = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//h1[normalize-space()='Welcome, admin']")));
        assertThat(welcome.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.className("pc-brand")).getText()).isEqualTo("Portcullis Bookshop");
        Browser.screenshot(browser, "dashboard");
        System.out.printf("[measure] production jar: started in %.1f s; after sign-in: %s; jar %,d bytes%n",
                app.startupSeconds(), app.memoryReport(), java.nio.file.Files.size(ProductionJar.path()));

        // The generic admin: the books list from the navigation, then one book's form.
        browser.findElement(By.xpath("//vaadin-side-nav-item[normalize-space()='Books']")).click();
        wait.until(ExpectedConditions.urlMatches(".*/book$"));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).size() > 20);
        assertThat(browser.findElement(By.className("pc-count")).getText()).endsWith("books");
        // At 1280 px all six columns fit: long titles share the free room instead of pushing "In stock" out.
        wait.until(d -> Long.valueOf(0).equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const t = document.querySelector('vaadin-grid').$.table;"
                        + " return Math.max(0, t.scrollWidth - t.clientWidth)")));
        Browser.screenshot(browser, "book-list");
        // The date drill-down is one element of router links (not a button per year): a click navigates in place,
        // without loading the page, to that year's range, and the folded filter drawer counts the filter in use.
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("window.pcSamePage = true;");
        WebElement year = browser.findElement(By.cssSelector(".pc-date-links a"));
        String yearText = year.getText();
        year.click();
        wait.until(ExpectedConditions.urlMatches(".*/book\\?.*publishedOn_from=" + yearText + "-01-01.*"));
        wait.until(d -> d.findElements(By.cssSelector(".pc-date-links a")).stream()
                .anyMatch(a -> a.getText().equals("January")));
        assertThat(js.executeScript("return window.pcSamePage === true")).as("navigated in place").isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("vaadin-details.pc-filter-drawer vaadin-details-summary"))
                .getText()).isEqualTo("Filters (1 in use)");
        browser.get(app.adminUrl() + "book?genre=SCIFI&o=title");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).size() > 20);
        browser.get(app.adminUrl() + "book/1");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-title")));
        Browser.screenshot(browser, "book-form");

        // Everything so far ran under the Content-Security-Policy without a single violation.
        assertThat(Browser.cspViolations(browser)).isEmpty();

        browser.findElement(By.cssSelector("vaadin-menu-bar.pc-user-menu vaadin-menu-bar-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-menu-bar-item[normalize-space()='Sign out']"))).click();
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        Browser.screenshot(browser, "signed-out");

        // The session is gone on the server: the dashboard asks for sign-in again.
        browser.get(app.adminUrl());
        wait.until(ExpectedConditions.urlMatches(".*/login$"));

        // Password and a fresh code from oathtool (the confirming code's time step is spent, so wait for the next).
        String code = Oathtool.totpAfter(secret, confirmingCode);
        signIn(wait, "admin", "quiet lantern over harbour water");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-code")));
        Browser.screenshot(browser, "two-factor-code");
        Browser.type(wait, "#two-factor-code input", code);
        browser.findElement(By.id("two-factor-verify")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='Welcome, admin']")));
        signOut(wait);

        // The same code again, still inside its time step: refused, and the sign-in goes no further.
        signIn(wait, "admin", "quiet lantern over harbour water");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-code")));
        Browser.type(wait, "#two-factor-code input", code);
        browser.findElement(By.id("two-factor-verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pc-problems"), "used already"));
        Browser.screenshot(browser, "two-factor-replay-refused");
        browser.get(app.adminUrl() + "book");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-code")));

        // A saved recovery code gets in once, and says how many are left.
        Browser.type(wait, "#two-factor-code input", recoveryCodes.get(0));
        browser.findElement(By.id("two-factor-verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recovery-codes-left"), "9 recovery codes left"));
        browser.findElement(By.id("two-factor-continue")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='Welcome, admin']")));

        // The security audit, as a superuser sees it.
        browser.get(app.adminUrl() + "security-audit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-summary")));
        Browser.screenshot(browser, "security-audit");

        // Everything above ran under the production Content-Security-Policy without the browser refusing anything.
        assertThat(Browser.cspViolations(browser)).isEmpty();

        // The honeypot at the old address: a plain, generic login that always refuses, even these real credentials.
        browser.get(app.adminUrl().replaceFirst("console/$", "admin/"));
        Browser.type(wait, "#id_username", "admin");
        Browser.type(wait, "#id_password", "quiet lantern over harbour water");
        browser.findElement(By.cssSelector("#login-form [type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "correct username"));
        Browser.screenshot(browser, "honeypot");
    }

    private static void signOut(WebDriverWait wait) {
        browser.findElement(By.cssSelector("vaadin-menu-bar.pc-user-menu vaadin-menu-bar-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-menu-bar-item[normalize-space()='Sign out']"))).click();
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    }

    private static void signIn(WebDriverWait wait, String username, String password) {
        WebElement user = Browser.type(wait, "vaadin-login-form input[name='username']", username);
        Browser.type(wait, "vaadin-login-form input[name='password']", password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit'], "
                + "vaadin-login-form vaadin-button")).click();
    }
}
