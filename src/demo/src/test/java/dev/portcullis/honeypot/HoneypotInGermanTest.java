package dev.portcullis.honeypot;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListQuery;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.honeypot.internal.HoneypotAlerts;
import dev.portcullis.honeypot.internal.HoneypotBlock;
import dev.portcullis.honeypot.internal.HoneypotService;
import dev.portcullis.honeypot.internal.StoredAlertLanguage;
import dev.portcullis.testsupport.KaribuTest;

import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

/**
 * The honeypot for German administrators: its admin screens, and its alert e-mails through a real SMTP server, each
 * recipient's in their own language (English when it is not known).
 */
@SpringBootTest(classes = DemoApplication.class, properties = {
        "portcullis.honeypot.alert-recipients=sicherheit@bookshop.example,security@bookshop.example"})
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(HoneypotInGermanTest.Languages.class)
class HoneypotInGermanTest extends KaribuTest {

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    /**
     * Stands for the language stored on the admin user (the user table has no language column yet): the German
     * administrator reads German, everyone else is unknown and reads English.
     */
    @TestConfiguration
    static class Languages {
        @Bean
        AlertLanguage germanSecurityTeam() {
            return address -> address.startsWith("sicherheit@") ? Locale.GERMAN : null;
        }
    }

    @Autowired
    HoneypotService honeypot;

    @Autowired
    HoneypotAlerts alerts;

    @Autowired
    AdminEntityService admin;

    @Autowired
    AdminRegistry registry;

    @Autowired
    AdminUserService users;

    @Autowired
    EntityManager em;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theAlertIsWrittenInEachRecipientsLanguage() throws Exception {
        int before = SMTP.getReceivedMessages().length;
        var attempt = honeypot.record("203.0.113.90", "curl/8.5", "mallory", "/admin/login/", "POST").attempt();
        assertThat(alerts.alertFirst(attempt.getId())).isTrue();

        MimeMessage[] received = Arrays.copyOfRange(SMTP.getReceivedMessages(), before,
                SMTP.getReceivedMessages().length);
        assertThat(received).as("one e-mail per language").hasSize(2);
        MimeMessage german = Arrays.stream(received).filter(m -> recipient(m).equals("sicherheit@bookshop.example"))
                .findFirst().orElseThrow();
        MimeMessage english = Arrays.stream(received).filter(m -> recipient(m).equals("security@bookshop.example"))
                .findFirst().orElseThrow();
        assertThat(german.getSubject()).isEqualTo("[Portcullis Bookshop] Honeypot: Anmeldeversuch von 203.0.113.90");
        assertThat(text(german)).startsWith("Jemand hat versucht, sich auf der gefälschten Admin-Anmeldeseite von"
                        + " Portcullis Bookshop anzumelden.")
                .contains("203.0.113.90  POST /admin/login/  Benutzername: mallory  Browser: curl/8.5")
                .contains("Weitere Versuche werden gesammelt und höchstens alle 60 Minuten in einer Zusammenfassung"
                        + " gesendet. Das versuchte Passwort wird nie gespeichert.");
        assertThat(english.getSubject()).isEqualTo("[Portcullis Bookshop] Honeypot: sign-in attempt from 203.0.113.90");
        assertThat(text(english)).startsWith("Someone tried to sign in at the fake admin login of Portcullis Bookshop.")
                .contains("username: mallory  browser: curl/8.5");
    }

    @Test
    void withoutAStoredLanguageAnAdministratorReadsEnglish() {
        users.createUser("honeypot-reader", "correct horse battery staple", true, true, false);
        jdbc.update("update portcullis_user set email = ? where username = ?", "reader@bookshop.example",
                "honeypot-reader");
        // Users have no language attribute yet: nobody's is known, and the alert falls back to English.
        assertThat(new StoredAlertLanguage(em).of("reader@bookshop.example")).isNull();
        assertThat(new StoredAlertLanguage(em).of("nobody@bookshop.example")).isNull();
    }

    @Test
    void theAdminScreensOfTheHoneypotReadGerman() {
        for (int i = 0; i < 3; i++) {
            honeypot.record("203.0.113.91", "curl/8", "root", "/admin/", "POST");
        }
        signInAs(superuser());
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("honeypot-block");
        assertThat(_find(Button.class)).extracting(Button::getText).contains("Sperre aufheben");

        AdminModel<HoneypotBlock> blocks = registry.byClass(HoneypotBlock.class).orElseThrow();
        HoneypotBlock block = admin.list(blocks, ListQuery.firstPage()).rows().stream()
                .filter(b -> b.getClientAddress().equals("203.0.113.91")).findFirst().orElseThrow();
        assertThat(blocks.admin().toLabel(block)).matches("203\\.0\\.113\\.91, gesperrt \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
        var lift = blocks.admin().actions().get(0);
        assertThat(lift.label()).isEqualTo("Sperre aufheben");
        assertThat(admin.runAction(blocks, lift, List.of(block.getId()))).isEqualTo("1 Sperre aufgehoben.");
        assertThat(admin.runAction(blocks, lift, List.of(block.getId())))
                .isEqualTo("Keine Sperre war aktiv: Es wurde nichts aufgehoben.");
        assertThat(honeypot.isBlocked("203.0.113.91")).isFalse();
    }

    private String superuser() {
        String name = "honeypot-root";
        if (users.findByUsername(name).isEmpty()) {
            users.createUser(name, "correct horse battery staple", true, true, false);
        }
        return name;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }
}
