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
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Security keys and passkeys in a real browser against the production jar, with Chromium's virtual authenticator
 * (CTAP2, built into the device, resident keys, user verification on): register a passkey in the setup wizard, sign
 * in with password and key, sign in with the passkey alone, and manage keys, all under the production
 * Content-Security-Policy without a violation.
 */
class WebAuthnBrowserIT {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");
    private static final String PASSWORD = "quiet lantern over harbour water";

    private static ProductionJar.Running app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.open();
        app = ProductionJar.start(List.of("--spring.profiles.active=prod",
                "--portcullis.secret-key=" + AdminSignInBrowserIT.SECRET_KEY, AdminSignInBrowserIT.PLAIN_HTTP,
                "--portcullis.webauthn.passwordless=true"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            Browser.screenshot(browser, "webauthn-last-page");
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    private static VirtualAuthenticator authenticator() {
        return browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    @Test
    void registersAPasskeyAndSignsInWithItAsSecondFactorAndWithoutAPassword() throws Exception {
        String oneTimePassword = app.awaitOutput(ONE_TIME_PASSWORD, Duration.ofSeconds(30));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        VirtualAuthenticator device = authenticator();

        // Staff must have a second factor in production: straight from the password into the wizard.
        browser.get(app.adminUrl());
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        signIn(wait, "admin", oneTimePassword);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Step 1 of 4"));
        browser.findElement(By.xpath("//vaadin-radio-button[contains(normalize-space(.), 'Security key')]")).click();
        Browser.screenshot(browser, "webauthn-wizard-method");
        browser.findElement(By.id("two-factor-next")).click();
        Browser.type(wait, "#webauthn-key-name input", "Laptop passkey");
        Browser.screenshot(browser, "webauthn-wizard-register");
        browser.findElement(By.id("webauthn-register")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("two-factor-step"), "Step 4 of 4"));
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        assertThat(device.getCredentials()).hasSize(1);
        assertThat(device.getCredentials().get(0).isResidentCredential()).isTrue();
        browser.findElement(By.id("recovery-codes-stored")).click();
        wait.until(d -> d.findElement(By.id("two-factor-next")).getDomAttribute("disabled") == null);
        browser.findElement(By.id("two-factor-next")).click();

        // The forced change of the printed password comes after the second factor.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-password")));
        Browser.type(wait, "#current-password input", oneTimePassword);
        Browser.type(wait, "#new-password input", PASSWORD);
        Browser.type(wait, "#confirm-password input", PASSWORD);
        wait.until(d -> d.findElement(By.id("change-password")).getDomAttribute("disabled") == null);
        browser.findElement(By.id("change-password")).click();
        welcome(wait);
        signOut(wait);

        // Password, then the key: offered first at the code step.
        signIn(wait, "admin", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webauthn-use-key")));
        Browser.screenshot(browser, "webauthn-code-step");
        browser.findElement(By.id("webauthn-use-key")).click();
        welcome(wait);
        signOut(wait);

        // The passkey alone, with user verification: both factors at once.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("webauthn-passkey-sign-in")));
        Browser.screenshot(browser, "webauthn-passkey-sign-in");
        browser.findElement(By.id("webauthn-passkey-sign-in")).click();
        welcome(wait);

        // The settings list the key; the last key of a user who must have a second factor stays.
        browser.get(app.adminUrl() + "two-factor/manage");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webauthn-key-0"), "Laptop passkey"));
        assertThat(browser.findElement(By.id("webauthn-key-0")).getText()).contains("Passkey").contains("internal")
                .doesNotContain("last used never");
        assertThat(browser.findElement(By.id("two-factor-status")).getText()).contains("On, with security keys");
        Browser.screenshot(browser, "webauthn-settings");
        removeKey(wait, 0);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webauthn-remove-problem"),
                "this is your last key"));
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Cancel']")).click();

        // A second key on another device, then the first one can go.
        browser.removeVirtualAuthenticator(device);
        VirtualAuthenticator second = authenticator();
        browser.findElement(By.id("webauthn-add")).click();
        Browser.type(wait, "#webauthn-key-name input", "Spare key");
        browser.findElement(By.id("webauthn-register")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webauthn-key-1"), "Spare key"));
        assertThat(second.getCredentials()).hasSize(1);
        removeKey(wait, 0);
        wait.until(d -> !d.findElement(By.id("webauthn-key-0")).getText().contains("Laptop passkey"));
        assertThat(browser.findElements(By.id("webauthn-key-1"))).isEmpty();
        assertThat(browser.findElement(By.id("webauthn-key-0")).getText()).contains("Spare key");

        assertThat(Browser.cspViolations(browser)).isEmpty();
    }

    private static void removeKey(WebDriverWait wait, int row) {
        browser.findElement(By.id("webauthn-remove-" + row)).click();
        Browser.type(wait, "#webauthn-remove-password input", PASSWORD);
        // The current second factor: a key check in the browser (the virtual authenticator answers).
        browser.findElement(By.id("webauthn-remove-with-key")).click();
    }

    private static void welcome(WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='Welcome, admin']")));
    }

    private static void signOut(WebDriverWait wait) {
        browser.findElement(By.cssSelector("vaadin-menu-bar.pc-user-menu vaadin-menu-bar-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-menu-bar-item[normalize-space()='Sign out']"))).click();
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    }

    private static void signIn(WebDriverWait wait, String username, String password) {
        Browser.type(wait, "vaadin-login-form input[name='username']", username);
        Browser.type(wait, "vaadin-login-form input[name='password']", password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit'], "
                + "vaadin-login-form vaadin-button")).click();
    }
}
