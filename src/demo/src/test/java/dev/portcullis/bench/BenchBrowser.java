package dev.portcullis.bench;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and chromedriver with the flags the e2e tests use, and the admin's sign-in with two-factor
 * authentication as those tests do it: the first sign-in through the setup wizard (authenticator-app secret, recovery
 * codes, new password), later ones with password and code. Codes are single-use per time step, so {@link Codes}
 * hands out the recovery codes first and then authenticator codes of successive time steps.
 */
final class BenchBrowser {

    static final String CHROMIUM = System.getProperty("portcullis.e2e.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("portcullis.e2e.chromedriver", "/usr/bin/chromedriver");
    static final String NEW_PASSWORD = "quiet lantern over harbour water";

    private BenchBrowser() {
    }

    static ChromeDriver open() throws Exception {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Needs Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,860",
                "--user-data-dir=" + Files.createTempDirectory("portcullis-bench-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        return driver;
    }

    /** The first sign-in of the bootstrap admin: password, two-factor wizard, new password. Returns its codes. */
    static Codes firstSignIn(ChromeDriver browser, String adminUrl, String bootstrapPassword) throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(adminUrl);
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        typePassword(browser, wait, bootstrapPassword);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Step 1 of 4"));
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-secret")));
        String secret = browser.findElement(By.id("two-factor-secret")).getText().replace(" ", "");
        browser.findElement(By.id("two-factor-next")).click();
        Codes codes = new Codes(secret);
        type(wait, "#two-factor-code input", codes.nextAuthenticatorCode());
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Step 4 of 4"));
        browser.findElements(By.cssSelector("#recovery-codes li")).stream().map(WebElement::getText)
                .forEach(codes.recovery::add);
        browser.findElement(By.id("recovery-codes-stored")).click();
        wait.until(d -> d.findElement(By.id("two-factor-next")).getDomAttribute("disabled") == null);
        browser.findElement(By.id("two-factor-next")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-password")));
        type(wait, "#current-password input", bootstrapPassword);
        type(wait, "#new-password input", NEW_PASSWORD);
        type(wait, "#confirm-password input", NEW_PASSWORD);
        wait.until(d -> d.findElement(By.id("change-password")).getDomAttribute("disabled") == null);
        browser.findElement(By.id("change-password")).click();
        awaitDashboard(wait);
        return codes;
    }

    /** A later sign-in: password, then a recovery code or an authenticator code. Ends on the dashboard. */
    static void signIn(ChromeDriver browser, String adminUrl, Codes codes) throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(adminUrl);
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        typePassword(browser, wait, NEW_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-code")));
        String recovery = codes.recovery.pollFirst();
        type(wait, "#two-factor-code input", recovery != null ? recovery : codes.nextAuthenticatorCode());
        browser.findElement(By.id("two-factor-verify")).click();
        if (recovery != null) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-continue"))).click();
        }
        awaitDashboard(wait);
    }

    private static void awaitDashboard(WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[starts-with(normalize-space(), 'Welcome')]")));
    }

    private static void typePassword(ChromeDriver browser, WebDriverWait wait, String password) {
        type(wait, "vaadin-login-form input[name='username']", "admin");
        type(wait, "vaadin-login-form input[name='password']", password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
    }

    static void type(WebDriverWait wait, String css, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        input.clear();
        input.sendKeys(text);
    }

    /** Waits until no Vaadin client has a request in flight. */
    static void awaitIdle(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
    }

    /**
     * The admin's second factors. The server takes each authenticator time step once and only one step either side
     * of now, so a step ahead is used while it is accepted and otherwise the next step is waited for.
     */
    static final class Codes {

        final Deque<String> recovery = new ArrayDeque<>();
        private final byte[] key;
        private long lastStep = Long.MIN_VALUE;

        Codes(String base32Secret) {
            this.key = base32(base32Secret);
        }

        synchronized String nextAuthenticatorCode() throws InterruptedException {
            long now = System.currentTimeMillis() / 30_000;
            long step = Math.max(lastStep + 1, now - 1);
            while (step > System.currentTimeMillis() / 30_000 + 1) {
                Thread.sleep(500);
            }
            lastStep = step;
            return totp(key, step);
        }

        /** RFC 6238 with SHA-1, six digits (what authenticator apps use). */
        static String totp(byte[] key, long step) {
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(key, "HmacSHA1"));
                byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
                int offset = hash[hash.length - 1] & 0xf;
                int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                        | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
                return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static byte[] base32(String text) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
            int buffer = 0;
            int bits = 0;
            for (char c : text.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
                buffer = (buffer << 5) | alphabet.indexOf(c);
                bits += 5;
                if (bits >= 8) {
                    out.put((byte) (buffer >> (bits - 8)));
                    bits -= 8;
                }
            }
            return java.util.Arrays.copyOf(out.array(), out.position());
        }
    }
}
