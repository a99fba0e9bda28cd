package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-in page of the production jar in each environment, in a real browser: the banner's label and colour,
 * the tab title and the tinted favicon. Screenshots land in target/screenshots/environment-*.png.
 */
class EnvironmentScreenshotsIT {

    @ParameterizedTest
    @CsvSource({
        "prod,    PRODUCTION,  '198, 40, 40'",
        "staging, STAGING,     '179, 71, 0'",
        "prod,    DEVELOPMENT, '46, 125, 50'"})
    void theSignInPageShowsWhereYouAre(String profile, String name, String rgb) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--spring.profiles.active=" + profile,
                "--portcullis.secret-key=" + AdminSignInBrowserIT.SECRET_KEY, AdminSignInBrowserIT.PLAIN_HTTP));
        if (name.equals("DEVELOPMENT")) {
            // The production jar cannot run Vaadin's development mode; label it as a developer's machine would be.
            args.addAll(List.of("--portcullis.environment.name=DEVELOPMENT", "--portcullis.environment.color=#2e7d32"));
        }
        ChromeDriver browser = Browser.open();
        try (ProductionJar.Running app = ProductionJar.start(args)) {
            browser.get(app.adminUrl() + "login");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            var banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("pc-environment-banner")));
            assertThat(banner.getText()).isEqualTo(name);
            // Chromium reports rgba(r, g, b, 1).
            assertThat(banner.getCssValue("background-color").replaceAll("^rgba?\\(|(, 1)?\\)$", "")).isEqualTo(rgb);
            wait.until(ExpectedConditions.titleIs("[" + name + "] Sign in · Portcullis Bookshop"));
            assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href"))
                    .isEqualTo("favicon.svg");
            Browser.screenshot(browser, "environment-" + name.toLowerCase(java.util.Locale.ROOT));
        } finally {
            browser.quit();
        }
    }
}
