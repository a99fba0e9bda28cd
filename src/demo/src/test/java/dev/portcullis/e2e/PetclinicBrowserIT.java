package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.petclinic.Owner;
import com.example.petclinic.Pet;
import com.example.petclinic.PetType;
import com.example.petclinic.PetclinicApplication;
import com.example.petclinic.Specialty;
import com.example.petclinic.Vet;
import com.example.petclinic.Visit;

import dev.portcullis.auth.AdminUserService;

import jakarta.persistence.EntityManager;

/**
 * The petclinic-shaped application started in this JVM (Vaadin in development mode, with its pre-built development
 * bundle) and clicked through in a real headless Chromium by a superuser: an owner with two pets and a visit, a
 * vet's specialties, an owner deleted (the dialog's lists checked against the rows gone, table by table), a clinic
 * with opening hours. No page may ever show a stack trace or an exception.
 */
@SpringBootTest(classes = PetclinicApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.flyway.locations=classpath:db/migration,classpath:petclinic/migration,"
                + "classpath:petclinic/{vendor}", "vaadin.productionMode=false",
                "vaadin.launch-browser=false", "vaadin.devmode.devTools.enabled=false", "portcullis.admin.site-name=Petclinic"})
@ActiveProfiles("test")
class PetclinicBrowserIT {

    /** Screenshots of each database get names of their own. */
    String database() {
        return "h2";
    }

    private static final String PASSWORD = "correct horse battery staple";

    /** Every petclinic table. */
    private static final List<String> TABLES = com.example.petclinic.PetclinicRows.TABLES;

    private static final Pattern GROUP = Pattern.compile("^(\\d+) ([a-z ]+?)(?::.*)?$");

    /** Text that must never be on a page: an exception's name or a stack frame. */
    private static final Pattern TRACE = Pattern.compile("Exception|\\bat [a-z]+(\\.[a-zA-Z_$0-9]+)+\\(|"
            + "Internal error|com\\.example\\.|dev\\.portcullis\\.");

    private static ChromeDriver browser;
    private static String lastDatabase = "";
    private static final List<String> pagesChecked = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

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
    static void closeBrowser() throws Exception {
        if (browser != null) {
            Browser.screenshot(browser, lastDatabase + "-petclinic-last-page");
            browser.quit();
        }
    }

    @Test
    void aSuperuserRunsTheClinicByClicking() throws Exception {
        long started = System.nanoTime();
        lastDatabase = database();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        seed();
        String admin = "http://localhost:" + port + "/console/";

        browser.get(admin);
        wait.until(ExpectedConditions.urlMatches(".*/login$"));
        long loginShown = System.nanoTime();
        type("vaadin-login-form input[name='username']", "clinic-admin");
        type("vaadin-login-form input[name='password']", PASSWORD);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//h1[normalize-space()='Welcome, clinic-admin']")));
        checkPage("dashboard");
        // The page text the checks read is the one on screen.
        assertThat(pageText()).contains("Welcome, clinic-admin").contains("Owners");

        // 1. An owner with two pets, entered on the owner's form as inline rows.
        clickNav("Owners");
        wait.until(ExpectedConditions.urlMatches(".*/owner$"));
        checkPage("owner list");
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Add owner']")).click();
        wait.until(ExpectedConditions.urlMatches(".*/owner/add$"));
        type("#field-firstName input", "George");
        type("#field-lastName input", "Franklin");
        type("#field-address-city input", "Madison");
        click("inline-pets-add");
        click("inline-pets-add");
        type("#inline-pets-0-name input", "Leo");
        type("#inline-pets-0-birthDate input", "2020-09-07" + Keys.ENTER);
        choose("#inline-pets-0-type", "cat", "vaadin-combo-box-item");
        type("#inline-pets-1-name input", "Basil");
        checkPage("owner form with two pets");
        Browser.screenshot(browser, database() + "-petclinic-owner-add");
        click("save");
        expectNotification("Saved owner 'George Franklin'.");
        wait.until(ExpectedConditions.urlMatches(".*/owner$"));
        Integer franklin = jdbc.queryForObject("select id from owners where last_name = 'Franklin'", Integer.class);
        assertThat(jdbc.queryForList("select name from pets where owner_id = ? order by name", String.class,
                franklin)).containsExactly("Basil", "Leo");
        assertThat(jdbc.queryForObject("select t.name from pets p join types t on t.id = p.type_id where p.name = ?",
                String.class, "Leo")).isEqualTo("cat");

        // ... and a visit for Leo, from Leo's own form (the pets list, Leo's row).
        clickNav("Pets");
        wait.until(ExpectedConditions.urlMatches(".*/pet$"));
        clickRow("Leo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inline-visits-add")));
        checkPage("pet form");
        click("inline-visits-add");
        type("#inline-visits-0-date input", "2024-03-04" + Keys.ENTER);
        type("#inline-visits-0-description input", "rabies shot");
        click("save");
        expectNotification("Saved pet 'Leo'.");
        assertThat(jdbc.queryForList("select v.description from visits v join pets p on p.id = v.pet_id"
                + " where p.name = 'Leo' and p.owner_id = ?", String.class, franklin)).containsExactly("rabies shot");
        assertThat(jdbc.queryForObject("select v.visit_date from visits v where v.description = 'rabies shot'",
                java.sql.Date.class).toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 4));

        // 2. A vet's specialties: a set with only a getter.
        clickNav("Vets");
        wait.until(ExpectedConditions.urlMatches(".*/vet$"));
        clickRow("Douglas");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-specialties")));
        checkPage("vet form");
        choose("#field-specialties", "radiology", "vaadin-multi-select-combo-box-item");
        choose("#field-specialties", "surgery", "vaadin-multi-select-combo-box-item");
        browser.findElement(By.cssSelector("#field-specialties input")).sendKeys(Keys.ESCAPE);
        Browser.screenshot(browser, database() + "-petclinic-vet-specialties");
        click("save");
        expectNotification("Saved vet 'Linda Douglas'.");
        assertThat(jdbc.queryForList("select s.name from vet_specialties vs join specialties s on s.id ="
                + " vs.specialty_id join vets v on v.id = vs.vet_id where v.last_name = 'Douglas' order by s.name",
                String.class)).containsExactly("radiology", "surgery");

        // 3. Deleting an owner: the dialog names every row that goes, and exactly those go.
        clickNav("Owners");
        wait.until(ExpectedConditions.urlMatches(".*/owner$"));
        clickRow("Coleman");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("delete")));
        click("delete");
        WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-delete")));
        wait.until(d -> d.getPageSource().contains("Delete owner 'Jean Coleman'?"));
        List<String> items = browser.findElements(By.xpath("//li[contains(., ': ')]")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).startsWith("2 pets: ").contains("Samantha").contains("Max");
        assertThat(items.get(1)).startsWith("4 visits: Visit #");
        checkPage("delete dialog");
        Browser.screenshot(browser, database() + "-petclinic-delete-owner");
        Map<String, Long> before = counts();
        confirm.click();
        expectNotification("Deleted owner 'Jean Coleman'.");
        wait.until(ExpectedConditions.urlMatches(".*/owner$"));
        Map<String, Long> after = counts();
        Map<String, Long> gone = new LinkedHashMap<>();
        TABLES.forEach(table -> gone.put(table, before.get(table) - after.get(table)));
        assertThat(gone).isEqualTo(promised(items));

        // 4. A clinic with opening hours; the first Save misses the name and says so at the field.
        clickNav("Clinics");
        wait.until(ExpectedConditions.urlMatches(".*/clinic$"));
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Add clinic']")).click();
        wait.until(ExpectedConditions.urlMatches(".*/clinic/add$"));
        type("#field-opensAt input", "08:00" + Keys.ENTER);
        type("#field-closesAt input", "18:30" + Keys.ENTER);
        browser.findElement(By.id("field-kind")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space()='Exotics']"))).click();
        click("save");
        wait.until(d -> "Required".equals(errorAt("field-name")));
        checkPage("clinic form with an error");
        Browser.screenshot(browser, database() + "-petclinic-clinic-required");
        type("#field-name input", "Riverside");
        click("save");
        expectNotification("Saved clinic 'Riverside'.");
        Map<String, Object> clinic = jdbc.queryForMap("select opens_at, closes_at, kind from clinics"
                + " where name = 'Riverside'");
        assertThat(clinic.get("opens_at").toString()).startsWith("08:00");
        assertThat(clinic.get("closes_at").toString()).startsWith("18:30");
        assertThat(clinic.get("kind")).isEqualTo("EXOTICS");
        checkPage("clinic list");

        assertThat(pagesChecked).hasSizeGreaterThan(8);
        System.out.printf("[measure] petclinic browser flows on %s: login page after %.1f s, all flows %.1f s%n",
                database(), (loginShown - started) / 1e9, (System.nanoTime() - started) / 1e9);
    }

    // --- data ---

    private void seed() {
        if (users.findByUsername("clinic-admin").isEmpty()) {
            users.createUser("clinic-admin", PASSWORD, true, true, false);
        }
        tx.executeWithoutResult(status -> {
            for (String name : List.of("cat", "dog")) {
                PetType type = new PetType();
                type.setName(name);
                em.persist(type);
            }
            for (String name : List.of("radiology", "surgery", "dentistry")) {
                Specialty specialty = new Specialty();
                specialty.setName(name);
                em.persist(specialty);
            }
            Vet vet = new Vet();
            vet.setFirstName("Linda");
            vet.setLastName("Douglas");
            em.persist(vet);
            Owner jean = new Owner();
            jean.setFirstName("Jean");
            jean.setLastName("Coleman");
            for (String name : List.of("Samantha", "Max")) {
                Pet pet = new Pet();
                pet.setName(name);
                for (int v = 1; v <= (name.equals("Max") ? 3 : 1); v++) {
                    Visit visit = new Visit();
                    visit.setDate(LocalDate.of(2024, 1, v));
                    visit.setDescription("check-up " + v);
                    pet.addVisit(visit);
                }
                jean.addPet(pet);
            }
            em.persist(jean);
        });
    }

    private Map<String, Long> counts() {
        return com.example.petclinic.PetclinicRows.counts(jdbc, TABLES);
    }

    /** The owner itself and each group the dialog listed ("2 pets: ...", "4 visits: ..."), per table. */
    private static Map<String, Long> promised(List<String> items) {
        Map<String, String> tableOf = Map.of("pets", "pets", "pet", "pets", "visits", "visits", "visit", "visits");
        Map<String, Long> promised = new LinkedHashMap<>();
        TABLES.forEach(t -> promised.put(t, 0L));
        promised.put("owners", 1L);
        for (String item : items) {
            Matcher group = GROUP.matcher(item);
            assertThat(group.matches()).as(item).isTrue();
            assertThat(tableOf).as(item).containsKey(group.group(2));
            promised.merge(tableOf.get(group.group(2)), Long.valueOf(group.group(1)), Long::sum);
        }
        return promised;
    }

    // --- clicking ---

    /** Waits for the server round trip, then asserts the page shows nothing of an exception. */
    private void checkPage(String name) {
        awaitIdle();
        String text = pageText();
        Matcher trace = TRACE.matcher(text);
        assertThat(trace.find()).as("'%s' shows '%s'", name, trace.find(0) ? trace.group() : "").isFalse();
        pagesChecked.add(name);
    }

    /** The visible text of the page and the text inside every shadow root (where Vaadin shows its errors). */
    private String pageText() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const texts = [document.body.innerText];"
                        + "document.querySelectorAll('*').forEach(e => { if (e.shadowRoot) texts.push(e.shadowRoot"
                        + ".textContent); });"
                        + "return texts.join('\\n');"));
    }

    private void awaitIdle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " && Object.values(window.Vaadin.Flow.clients)"
                        + ".every(c => !c.isActive || !c.isActive());")));
    }

    private void clickNav(String label) {
        awaitIdle();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-side-nav-item[normalize-space()='" + label + "']"))).click();
    }

    private void click(String id) {
        awaitIdle();
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        // The form scrolls inside the layout, not the document: bring the button into the middle of the view.
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void clickRow(String text) {
        awaitIdle();
        wait.until(d -> {
            try {
                WebElement cell = d.findElement(By.xpath("//vaadin-grid-cell-content[normalize-space()='" + text
                        + "']"));
                cell.click();
                return true;
            } catch (org.openqa.selenium.NoSuchElementException | StaleElementReferenceException notYet) {
                return false;
            }
        });
    }

    private WebElement type(String css, String text) {
        awaitIdle();
        WebElement input = Browser.type(wait, css, text);
        input.sendKeys(Keys.TAB);
        return input;
    }

    /** Types into a (multi-select) combo box and clicks the suggestion. */
    private void choose(String css, String text, String itemTag) {
        awaitIdle();
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css + " input")));
        input.clear();
        input.sendKeys(text);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//" + itemTag + "[normalize-space()='" + text + "']"))).click();
        awaitIdle();
    }

    private void expectNotification(String text) {
        wait.until(d -> d.findElements(By.tagName("vaadin-notification-card")).stream()
                .anyMatch(card -> {
                    try {
                        return card.getText().contains(text);
                    } catch (StaleElementReferenceException gone) {
                        return false;
                    }
                }));
        checkPage(text);
    }

    private String errorAt(String id) {
        Object message = ((JavascriptExecutor) browser).executeScript(
                "const f = document.getElementById(arguments[0]); return f && f.invalid ? f.errorMessage : '';", id);
        return String.valueOf(message);
    }
}
