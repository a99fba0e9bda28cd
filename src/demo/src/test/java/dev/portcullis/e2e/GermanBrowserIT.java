package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The production jar seen by a browser set up in German: sign-in, the two-factor wizard, the dashboard, the book
 * list and form speak German, dates read the German way and the page declares its language. Takes the README's
 * German screenshots (desktop, dark, phone).
 */
class GermanBrowserIT {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");
    private static final Pattern GERMAN_DATE = Pattern.compile("\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b");

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
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aGermanBrowserReadsTheAdminInGerman() throws Exception {
        String oneTimePassword = app.awaitOutput(ONE_TIME_PASSWORD, Duration.ofSeconds(30));
        browser.get(app.adminUrl());
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        awaitIdle();
        assertThat(text("vaadin-login-form")).contains("Benutzername").contains("Passwort");
        assertThat(documentLanguage()).isEqualTo("de");
        Browser.screenshot(browser, "de-login");

        Browser.type(wait, "vaadin-login-form input[name='username']", "admin");
        Browser.type(wait, "vaadin-login-form input[name='password']", oneTimePassword);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Schritt 1 von 4"));
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(d -> ((Number) browser.executeScript(
                "const q = document.getElementById('two-factor-qr'); return q ? q.naturalWidth : 0")).intValue() > 0);
        awaitIdle();
        Browser.screenshot(browser, "de-two-factor-scan");
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
        awaitIdle();
        assertThat(documentLanguage()).isEqualTo("de");
        assertThat(text("body")).contains("Startseite").doesNotContain("Sign out");
        Browser.screenshot(browser, "de-dashboard");

        browser.get(app.adminUrl() + "book");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).size() > 20);
        awaitIdle();
        assertThat(text("h1")).isEqualTo("Bücher");
        assertThat(GERMAN_DATE.matcher(text("vaadin-grid")).find()).as("a date written 31.12.2024").isTrue();
        Browser.screenshot(browser, "de-book-list");

        browser.get(app.adminUrl() + "book/1");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-title")));
        awaitIdle();
        assertThat(text("body")).contains("Speichern");
        Browser.screenshot(browser, "de-book-form");

        browser.manage().window().setSize(new Dimension(390, 760));
        browser.get(app.adminUrl() + "book");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".pc-list.pc-narrow")));
        awaitIdle();
        Browser.screenshot(browser, "de-book-list-phone");

        browser.manage().window().setSize(new Dimension(1280, 860));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.get(app.adminUrl() + "book");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).size() > 20);
        awaitIdle();
        Browser.screenshot(browser, "de-book-list-dark");
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private String documentLanguage() {
        return String.valueOf(browser.executeScript("return document.documentElement.lang"));
    }

    private void awaitIdle() {
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) && "
                        + "!Object.values(window.Vaadin.Flow.clients).some(c => c.isActive && c.isActive())")));
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return document.getAnimations().filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)"
                        + ".every(a => a.playState !== 'running')")));
    }
}
