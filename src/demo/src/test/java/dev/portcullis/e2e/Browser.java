package dev.portcullis.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real, headless Chromium from Debian's packages, driven by its chromedriver. Both binaries are named
 * explicitly, so Selenium never tries to download a browser. Without them the test fails when
 * {@code portcullis.e2e.required} is true (the default, and what CI sets), and is skipped with a message otherwise.
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("portcullis.e2e.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("portcullis.e2e.chromedriver", "/usr/bin/chromedriver");

    private Browser() {
    }

    static ChromeDriver open() throws Exception {
        return open(null);
    }

    /**
     * A browser whose user speaks {@code acceptLanguage} ("de-DE,de"): the Accept-Language header it sends and the
     * language it reports to scripts, as a browser set up in that language does. Null keeps the default.
     */
    static ChromeDriver open(String acceptLanguage) throws Exception {
        boolean available = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!available) {
            String message = "Browser tests need Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver).";
            if (Boolean.parseBoolean(System.getProperty("portcullis.e2e.required", "true"))) {
                Assertions.fail(message + " Run with -Dportcullis.e2e.required=false to skip them.");
            }
            Assumptions.abort(message + " Skipped because portcullis.e2e.required=false.");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,860",
                "--user-data-dir=" + Files.createTempDirectory("portcullis-chromium"));
        if (acceptLanguage != null) {
            options.addArguments("--lang=" + acceptLanguage.split(",")[0]);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
        }
        // The browser's console, so tests can assert that no Content-Security-Policy violation was reported.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** Console messages about the Content-Security-Policy (refused scripts, styles, eval) since the last call. */
    /** Types into the input the selector finds, once it can be clicked, replacing what it held. */
    static org.openqa.selenium.WebElement type(org.openqa.selenium.support.ui.WebDriverWait wait, String css,
            String text) {
        org.openqa.selenium.WebElement input = wait.until(
                org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                        org.openqa.selenium.By.cssSelector(css)));
        input.clear();
        input.sendKeys(text);
        return input;
    }

    static java.util.List<String> cspViolations(ChromeDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
    }

    static Path screenshot(ChromeDriver driver, String name) throws Exception {
        Path target = Path.of(System.getProperty("portcullis.basedir", "."), "target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return target;
    }
}
