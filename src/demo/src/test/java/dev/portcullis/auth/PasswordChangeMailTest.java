package dev.portcullis.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.Users;

import jakarta.mail.internet.MimeMessage;

/** A password change is reported to the user by e-mail, through a real SMTP exchange, without the password. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class PasswordChangeMailTest {

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("portcullis.mail.from", () -> "admin-robot@bookshop.example");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    AdminUserService users;

    @Autowired
    AdminUserDetailsService userDetails;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theUserHearsAboutAPasswordChangeWithoutThePassword() throws Exception {
        users.createUser("olivia", "correct horse battery staple", true, false, false);
        jdbc.update("update portcullis_user set email = 'olivia@bookshop.example' where username = 'olivia'");
        AdminPrincipal olivia = (AdminPrincipal) userDetails.loadUserByUsername("olivia");
        int before = SMTP.getReceivedMessages().length;
        users.changeOwnPassword(olivia, "correct horse battery staple", "harbour lights over a quiet bay",
                "harbour lights over a quiet bay", null);

        assertThat(SMTP.waitForIncomingEmail(5000, before + 1)).isTrue();
        MimeMessage message = SMTP.getReceivedMessages()[before];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("olivia@bookshop.example");
        assertThat(message.getFrom()[0].toString()).isEqualTo("admin-robot@bookshop.example");
        assertThat(message.getSubject()).isEqualTo("Your Portcullis Bookshop password was changed");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("was changed at").contains("by you").contains("other signed-in sessions have been ended")
                .doesNotContain("harbour lights").doesNotContain("correct horse");
    }

    @Test
    void anAdministratorsChangeNamesTheAdministrator() throws Exception {
        users.createUser("peter", "correct horse battery staple", true, false, false);
        jdbc.update("update portcullis_user set email = 'peter@bookshop.example' where username = 'peter'");
        long id = users.findByUsername("peter").orElseThrow().getId();
        int before = SMTP.getReceivedMessages().length;
        Users.signInWith("the-boss", "user:change");
        try {
            users.setPassword(id, null, "northern lights over the quiet bay", "northern lights over the quiet bay", true);
        } finally {
            Users.signOut();
        }
        assertThat(SMTP.waitForIncomingEmail(5000, before + 1)).isTrue();
        String body = GreenMailUtil.getBody(SMTP.getReceivedMessages()[before]);
        assertThat(body).contains("by the administrator the-boss").doesNotContain("northern lights");
    }

    @Test
    void theMailIsInTheLanguageTheUserChoseForTheAdmin() throws Exception {
        users.createUser("greta", "correct horse battery staple", true, false, false);
        jdbc.update("update portcullis_user set email = 'greta@bookshop.example' where username = 'greta'");
        long id = users.findByUsername("greta").orElseThrow().getId();
        users.choosePreferredLanguage(id, java.util.Locale.GERMAN);
        int before = SMTP.getReceivedMessages().length;
        Users.signInWith("der-chef", "user:change");
        try {
            users.setPassword(id, null, "northern lights over the quiet bay", "northern lights over the quiet bay", true);
        } finally {
            Users.signOut();
        }
        assertThat(SMTP.waitForIncomingEmail(5000, before + 1)).isTrue();
        MimeMessage message = SMTP.getReceivedMessages()[before];
        assertThat(message.getSubject()).isEqualTo("Ihr Passwort bei Portcullis Bookshop wurde geändert");
        String body = message.getContent().toString();
        assertThat(body).startsWith("Hallo greta,")
                .contains("Das Passwort Ihres Kontos bei Portcullis Bookshop wurde geändert (am ")
                .contains("vom Administrator der-chef).")
                .contains("Ihre anderen angemeldeten Sitzungen wurden beendet.")
                .contains("Falls Sie das nicht erwartet haben").doesNotContain("northern lights");
    }
}
