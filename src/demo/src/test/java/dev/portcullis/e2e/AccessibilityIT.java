package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core, the accessibility engine, run by a real browser over the production jar's pages: sign-in, the
 * two-factor wizard, the password change, the dashboard (light and dark), a list, a form and the security audit.
 * axe comes from Maven Central (the {@code axe.min.js} that Deque's Selenium artifact ships) and is injected through
 * WebDriver, so the page's Content-Security-Policy stays as strict as in production. Any violation of impact
 * serious or critical fails the test; the counts per page are printed as {@code [axe]} lines.
 */
class AccessibilityIT {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");

    /** The violations that fail the build; moderate and minor ones are counted and printed. */
    private static final List<String> FAILING = List.of("critical", "serious");

    private static ProductionJar.Running app;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String axe;

    /** Page name to its violations (rule id, impact, nodes), in the order visited. */
    private final Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js on the test classpath (com.deque.html.axe-core:selenium)").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser = Browser.open();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        app = ProductionJar.start(List.of("--spring.profiles.active=prod", "--portcullis.secret-key="
                + AdminSignInBrowserIT.SECRET_KEY, "--demo.data.enabled=true",
                "--portcullis.environment.allow-unsafe=demo-data", AdminSignInBrowserIT.PLAIN_HTTP));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void noPageHasASeriousOrCriticalViolation() throws Exception {
        String oneTimePassword = app.awaitOutput(ONE_TIME_PASSWORD, Duration.ofSeconds(30));
        browser.get(app.adminUrl());
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        Browser.type(wait, "vaadin-login-form input[name='username']", "admin");
        check("login");

        Browser.type(wait, "vaadin-login-form input[name='password']", oneTimePassword);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Step 1 of 4"));
        check("2FA wizard, step 1");
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(d -> ((Number) browser.executeScript(
                "const q = document.getElementById('two-factor-qr'); return q ? q.naturalWidth : 0")).intValue() > 0);
        String secret = browser.findElement(By.id("two-factor-secret")).getText().replace(" ", "");
        check("2FA wizard, step 2");
        browser.findElement(By.id("two-factor-next")).click();
        Browser.type(wait, "#two-factor-code input", Oathtool.totp(secret));
        check("2FA wizard, step 3");
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Step 4 of 4"));
        check("2FA wizard, step 4");
        browser.findElement(By.id("recovery-codes-stored")).click();
        wait.until(d -> d.findElement(By.id("two-factor-next")).getDomAttribute("disabled") == null);
        browser.findElement(By.id("two-factor-next")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-password")));
        check("password change");
        Browser.type(wait, "#current-password input", oneTimePassword);
        Browser.type(wait, "#new-password input", "quiet lantern over harbour water");
        Browser.type(wait, "#confirm-password input", "quiet lantern over harbour water");
        browser.findElement(By.id("change-password")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("pc-dashboard")));
        check("dashboard");

        browser.get(app.adminUrl() + "book");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).size() > 20);
        check("book list");

        browser.get(app.adminUrl() + "book/1");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-title")));
        check("book form");
        // A dialog gives the focus back to the button that opened it when it closes.
        WebElement delete = browser.findElement(By.id("delete"));
        delete.click();
        String dialogOpen = "const d = document.querySelector('vaadin-confirm-dialog'); return !!(d && d.opened)";
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(dialogOpen)));
        check("delete dialog");
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(d -> Boolean.FALSE.equals(browser.executeScript(dialogOpen)));
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return document.activeElement === arguments[0]", delete)));

        browser.get(app.adminUrl() + "security-audit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-summary")));
        check("security audit");

        // The keyboard: Enter on a focused row opens it, as Space does.
        browser.get(app.adminUrl() + "book");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).size() > 20);
        browser.executeScript("arguments[0].shadowRoot.querySelector('tbody tr:first-child td').focus()",
                browser.findElement(By.cssSelector("vaadin-grid")));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlMatches(".*/book/\\d+$"));

        // The same pages in the dark theme, as a browser that prefers it shows them.
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.get(app.adminUrl());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("pc-dashboard")));
        // Lumo's colours follow color-scheme: the page's background turns dark without a choice in the user menu.
        wait.until(d -> ((Number) browser.executeScript("""
                const probe = document.createElement('div');
                probe.style.background = 'var(--lumo-base-color)';
                document.body.appendChild(probe);
                const [r, g, b] = getComputedStyle(probe).backgroundColor.match(/\\d+/g).map(Number);
                probe.remove();
                return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
                """)).doubleValue() < 0.3);
        check("dashboard (dark)");
        Browser.screenshot(browser, "dashboard-dark");
        browser.get(app.adminUrl() + "book");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).size() > 20);
        check("book list (dark)");

        List<String> failures = new ArrayList<>();
        results.forEach((page, violations) -> violations.stream()
                .filter(v -> FAILING.contains(String.valueOf(v.get("impact"))))
                .forEach(v -> failures.add(page + ": " + v.get("id") + " (" + v.get("impact") + ", "
                        + v.get("nodes") + " elements, e.g. " + v.get("targets") + ") " + v.get("help"))));
        assertThat(failures).as("axe-core violations of impact serious or critical").isEmpty();
    }

    /** Runs axe over the whole document once the page has settled, and records and prints what it found. */
    @SuppressWarnings("unchecked")
    private void check(String page) {
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) && "
                        + "!Object.values(window.Vaadin.Flow.clients).some(c => c.isActive && c.isActive())")));
        // Nothing fading in or out (a notification caught mid-animation has a lower contrast than it will have).
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return document.getAnimations().filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)"
                        + ".every(a => a.playState !== 'running')")));
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
            browser.executeScript(axe);
        }
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
                  .catch(e => done('axe failed: ' + e));
                """);
        assertThat(result).as(page).isInstanceOf(List.class);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        results.put(page, violations);
        Map<String, Integer> byImpact = new TreeMap<>();
        violations.forEach(v -> byImpact.merge(String.valueOf(v.get("impact")),
                ((Number) v.get("nodes")).intValue(), Integer::sum));
        StringBuilder rules = new StringBuilder();
        violations.forEach(v -> rules.append(' ').append(v.get("id")).append('×').append(v.get("nodes"))
                .append('(').append(v.get("impact")).append(')'));
        System.out.printf("[axe] %-22s critical=%d serious=%d moderate=%d minor=%d;%s%n", page,
                byImpact.getOrDefault("critical", 0), byImpact.getOrDefault("serious", 0),
                byImpact.getOrDefault("moderate", 0), byImpact.getOrDefault("minor", 0), rules);
        violations.forEach(v -> System.out.printf("[axe]   %s: %s at %s%n", v.get("id"), v.get("help"),
                v.get("targets")));
    }
}
