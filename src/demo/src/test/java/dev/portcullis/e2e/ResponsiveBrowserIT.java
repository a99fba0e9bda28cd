package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.petclinic.Clinic;
import com.example.petclinic.ClinicKind;
import com.example.petclinic.PetclinicApplication;

import dev.portcullis.auth.AdminUserService;

import jakarta.persistence.EntityManager;

/**
 * The list and the form at a phone's width (390 px) and a desktop's, in a real headless Chromium: on the phone
 * nothing scrolls sideways, the list keeps its first columns, the filters fold into their disclosure and the form's
 * buttons stay on screen; on the desktop every column and the filters show.
 */
@SpringBootTest(classes = PetclinicApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.flyway.locations=classpath:db/migration,classpath:petclinic/migration,"
                + "classpath:petclinic/{vendor}", "vaadin.productionMode=false",
                "vaadin.launch-browser=false", "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles("test")
class ResponsiveBrowserIT {

    private static final String PASSWORD = "correct horse battery staple";

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AdminUserService users;

    private WebDriverWait wait;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theListAndTheFormWorkOnAPhoneAndOnADesktop() throws Exception {
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        seed();
        String admin = "http://localhost:" + port + "/console/";
        browser.manage().window().setSize(new Dimension(390, 600));
        browser.get(admin);
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        type("vaadin-login-form input[name='username']", "phone-admin");
        type("vaadin-login-form input[name='password']", PASSWORD);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        awaitIdle();

        // Phone: the clinic list.
        browser.get(admin + "clinic");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".pc-list.pc-narrow")));
        awaitIdle();
        assertThat(number("return window.innerWidth")).isLessThan(600);
        assertThat(sideways()).as("page scrolls sideways at phone width").isZero();
        assertThat(visibleColumns()).isEqualTo(2);
        WebElement drawer = browser.findElement(By.cssSelector("vaadin-details.pc-filter-drawer"));
        assertThat(drawer.getDomProperty("opened")).isEqualTo("false");
        Browser.screenshot(browser, "responsive-list-phone");
        // The rows come first; the filters open on request.
        drawer.findElement(By.cssSelector("vaadin-details-summary")).click();
        wait.until(d -> "true".equals(drawer.getDomProperty("opened")));
        assertThat(sideways()).as("open filters push the page sideways").isZero();

        // Phone: a long form keeps its buttons on screen.
        browser.get(admin + "clinic/add");
        WebElement save = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("save")));
        awaitIdle();
        // The page scrolls inside the app layout's content area: find the box that scrolls the form.
        String scroller = "let e = arguments[0]; while (e) { const s = getComputedStyle(e).overflowY;"
                + " if ((s === 'auto' || s === 'scroll') && e.scrollHeight > e.clientHeight + 1) return e;"
                + " e = e.assignedSlot || e.parentElement || (e.getRootNode() && e.getRootNode().host); }"
                + " return document.scrollingElement;";
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript("const box = (function(){" + scroller
                + "}).apply(null, arguments); return box.scrollHeight - box.clientHeight;", save)).longValue())
                .as("the form is longer than the screen, so the sticky footer matters").isPositive();
        assertThat(inViewport(save)).as("Save is on screen").isTrue();
        ((JavascriptExecutor) browser).executeScript("const box = (function(){" + scroller
                + "}).apply(null, arguments); box.scrollTop = box.scrollHeight / 2;", save);
        assertThat(inViewport(save)).as("Save stays on screen while scrolling").isTrue();
        assertThat(sideways()).as("form scrolls sideways at phone width").isZero();
        Browser.screenshot(browser, "responsive-form-phone");

        // Desktop: every column; the filters stay folded (their fields are made when first opened), one click away.
        browser.manage().window().setSize(new Dimension(1280, 860));
        browser.get(admin + "clinic");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".pc-list")));
        awaitIdle();
        wait.until(d -> visibleColumns() == 4);
        assertThat(browser.findElements(By.cssSelector(".pc-list.pc-narrow"))).isEmpty();
        WebElement desktopDrawer = browser.findElement(By.cssSelector("vaadin-details.pc-filter-drawer"));
        assertThat(desktopDrawer.getDomProperty("opened")).isEqualTo("false");
        assertThat(desktopDrawer.findElement(By.cssSelector("vaadin-details-summary")).getText()).isEqualTo("Filters");
        desktopDrawer.findElement(By.cssSelector("vaadin-details-summary")).click();
        wait.until(d -> "true".equals(desktopDrawer.getDomProperty("opened")));
        wait.until(d -> !desktopDrawer.findElements(By.cssSelector("vaadin-select")).isEmpty());
        awaitIdle();
        assertThat(sideways()).isZero();
        // Every column fits the desktop's list: the grid does not scroll sideways either.
        wait.until(d -> number("const t = document.querySelector('vaadin-grid').$.table;"
                + " return Math.max(0, t.scrollWidth - t.clientWidth)") == 0);
        Browser.screenshot(browser, "responsive-list-desktop");
    }

    private void seed() {
        if (users.findByUsername("phone-admin").isEmpty()) {
            users.createUser("phone-admin", PASSWORD, true, true, false);
        }
        tx.executeWithoutResult(status -> {
            for (String name : List.of("Riverside Veterinary Hospital and Exotic Animal Clinic", "Hilltop",
                    "Lakeside Equine Centre")) {
                Clinic clinic = new Clinic();
                clinic.setName(name);
                clinic.setOpensAt(LocalTime.of(8, 0));
                clinic.setClosesAt(LocalTime.of(18, 30));
                clinic.setKind(name.contains("Equine") ? ClinicKind.EQUINE : ClinicKind.SMALL_ANIMALS);
                em.persist(clinic);
            }
        });
    }

    /** How far the page can scroll sideways, in CSS pixels. */
    private long sideways() {
        return number("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
    }

    private long visibleColumns() {
        return number("return Array.from(document.querySelectorAll('.pc-list vaadin-grid-column'))"
                + ".filter(c => !c.hidden).length");
    }

    private boolean inViewport(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + " return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0"
                        + " && r.right <= window.innerWidth;", element));
    }

    private long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    private void awaitIdle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " && Object.values(window.Vaadin.Flow.clients)"
                        + ".every(c => !c.isActive || !c.isActive());")));
    }

    private void type(String css, String text) {
        Browser.type(wait, css, text).sendKeys(Keys.TAB);
    }
}
