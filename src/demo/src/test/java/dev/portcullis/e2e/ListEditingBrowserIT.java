package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Edit in the list, in a real (German) browser against the production jar: the book list's price and "in stock"
 * inputs are drawn by the browser from a template and only become server-side inputs when typed into. A price typed
 * the German way ("12,5") is read as 12.50, a ticked box does not open the row, text that is no number is marked and
 * kept, and one "Save changes" saves the rows together and shows the page again with the stored values.
 */
class ListEditingBrowserIT {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");

    private static ProductionJar.Running app;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.open("de-DE,de");
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        app = ProductionJar.start(List.of("--spring.profiles.active=prod", "--portcullis.secret-key="
                + AdminSignInBrowserIT.SECRET_KEY, "--demo.data.enabled=true",
                "--portcullis.environment.allow-unsafe=demo-data", AdminSignInBrowserIT.PLAIN_HTTP));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            Browser.screenshot(browser, "list-editing-last-page");
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void pricesAndStockAreEditedInTheListAndSavedTogether() throws Exception {
        signInFirstTime();
        // A page of one title, so the rows are known: the first books by title.
        browser.get(app.adminUrl() + "book?o=title");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid vaadin-text-field[inputmode=decimal]")).size() >= 3);
        awaitIdle();
        List<WebElement> prices = prices();
        String label = prices.get(0).getDomAttribute("aria-label");
        assertThat(label).startsWith("Preis von ");
        String firstTitle = label.substring("Preis von ".length());

        type(prices.get(0), "12,5");
        WebElement stock = browser.findElements(By.cssSelector("vaadin-grid vaadin-checkbox")).stream()
                .filter(box -> String.valueOf(box.getDomAttribute("aria-label")).startsWith("Auf Lager von "))
                .toList().get(1);
        boolean wasChecked = Boolean.TRUE.equals(browser.executeScript("return arguments[0].checked", stock));
        String stockLabel = stock.getDomAttribute("aria-label");
        browser.executeScript("arguments[0].click()", stock);
        awaitIdle();
        assertThat(browser.getCurrentUrl()).as("a click in an input does not open the row").matches(".*/book\\?o=title$");

        type(prices().get(2), "zwölf");
        wait.until(d -> prices().get(2).getDomAttribute("invalid") != null);
        assertThat(value(prices().get(2))).isEqualTo("zwölf");
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Änderungen speichern']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pc-list-edit-problems li")));
        assertThat(value(prices().get(0))).as("what was typed stays on screen").isEqualTo("12,5");
        Browser.screenshot(browser, "list-editing-invalid");

        type(prices().get(2), "3,25");
        wait.until(d -> prices().get(2).getDomAttribute("invalid") == null);
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Änderungen speichern']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-notification-card"),
                "Die Änderungen an 3 Zeilen wurden gespeichert."));
        awaitIdle();
        assertThat(value(prices().get(0))).isEqualTo("12,50");
        assertThat(prices().get(0).getDomAttribute("aria-label")).endsWith(firstTitle);
        assertThat(value(prices().get(2))).isEqualTo("3,25");
        WebElement stockAgain = browser.findElements(By.cssSelector("vaadin-grid vaadin-checkbox")).stream()
                .filter(box -> stockLabel.equals(box.getDomAttribute("aria-label"))).findFirst().orElseThrow();
        assertThat(browser.executeScript("return arguments[0].checked", stockAgain)).isEqualTo(!wasChecked);
        Browser.screenshot(browser, "list-editing-saved");
        assertThat(Browser.cspViolations(browser)).isEmpty();
    }

    private static List<WebElement> prices() {
        return browser.findElements(By.cssSelector("vaadin-grid vaadin-text-field[inputmode=decimal]"));
    }

    private static String value(WebElement field) {
        return (String) browser.executeScript("return arguments[0].value", field);
    }

    /** Types into the input inside the field and leaves it (Tab), which is when the field reports a change. */
    private static void type(WebElement field, String text) {
        WebElement input = field.findElement(By.cssSelector("input"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
        input.sendKeys(Keys.TAB);
        awaitIdle();
    }

    private static void signInFirstTime() throws Exception {
        String oneTimePassword = app.awaitOutput(ONE_TIME_PASSWORD, Duration.ofSeconds(30));
        browser.get(app.adminUrl());
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        Browser.type(wait, "vaadin-login-form input[name='username']", "admin");
        Browser.type(wait, "vaadin-login-form input[name='password']", oneTimePassword);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Schritt 1 von 4"));
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(d -> ((Number) browser.executeScript(
                "const q = document.getElementById('two-factor-qr'); return q ? q.naturalWidth : 0")).intValue() > 0);
        String secret = browser.findElement(By.id("two-factor-secret")).getText().replace(" ", "");
        browser.findElement(By.id("two-factor-next")).click();
        Browser.type(wait, "#two-factor-code input", Oathtool.totp(secret));
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Schritt 4 von 4"));
        browser.findElement(By.id("recovery-codes-stored")).click();
        wait.until(d -> d.findElement(By.id("two-factor-next")).getDomAttribute("disabled") == null);
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-password")));
        Browser.type(wait, "#current-password input", oneTimePassword);
        Browser.type(wait, "#new-password input", "quiet lantern over harbour water");
        Browser.type(wait, "#confirm-password input", "quiet lantern over harbour water");
        browser.findElement(By.id("change-password")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("pc-dashboard")));
    }

    private static void awaitIdle() {
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) && "
                        + "!Object.values(window.Vaadin.Flow.clients).some(c => c.isActive && c.isActive())")));
    }
}
