package dev.portcullis.auth;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import dev.portcullis.admin.AdminProperties;

/**
 * Tells users by e-mail when something happens to their account that they did not necessarily do themselves
 * (a password change), so a takeover does not go unnoticed. Sends only when mail is configured
 * ({@code spring.mail.host}) and the user has an address; a failed send is logged and never undoes the change.
 * Messages never contain a password, code or link that signs anyone in.
 */
public class AccountNotifier {

    private static final Logger log = LoggerFactory.getLogger(AccountNotifier.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final ObjectProvider<JavaMailSender> mail;
    private final AdminProperties admin;
    private final String from;
    private final Clock clock;

    AccountNotifier(ObjectProvider<JavaMailSender> mail, AdminProperties admin, String from, Clock clock) {
        this.mail = mail;
        this.admin = admin;
        this.from = from;
        this.clock = clock;
    }

    /** After a user's password was changed, by themselves or by an administrator. */
    public void passwordChanged(AdminUser user, String changedBy) {
        accountChanged(user, "password was changed",
                "the password of your " + admin.getSiteName() + " account was changed", changedBy,
                "Your other signed-in sessions have been ended.");
    }

    /**
     * Tells a user about a change to their account's security, such as their second factor being reset.
     *
     * @param subject completes "Your &lt;site&gt; ..." in the subject line
     * @param what what happened, completed with the time and who did it
     * @param changedBy the user's own username or the administrator's
     * @param consequence a sentence on what follows; may be empty
     */
    public void accountChanged(AdminUser user, String subject, String what, String changedBy, String consequence) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(user.getEmail());
        message.setSubject("Your " + admin.getSiteName() + " " + subject);
        message.setText("Hello " + user.getUsername() + ",\n\n"
                + what + " at "
                + TIME.format(clock.instant().atOffset(ZoneOffset.UTC))
                + (changedBy.equals(user.getUsername()) ? " by you" : " by the administrator " + changedBy) + ".\n"
                + (consequence.isEmpty() ? "" : consequence + "\n") + "\n"
                + "If you did not expect this, tell an administrator at once.\n");
        try {
            sender.send(message);
            log.info("Told '{}' by e-mail that their {}", user.getUsername(), subject);
        } catch (MailException failed) {
            log.warn("Could not e-mail '{}' that their {}: {}", user.getUsername(), subject, failed.getMessage());
        }
    }
}
