package dev.portcullis.auth;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;

import dev.portcullis.i18n.Messages;
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

    /** After a user's password was changed, by themselves or by an administrator; in the user's language. */
    public void passwordChanged(AdminUser user, String changedBy) {
        Locale locale = recipientLocale(user);
        send(user, locale, Messages.get(locale, "auth.mail.password-changed.subject", admin.getSiteName()),
                Messages.get(locale, "auth.mail.password-changed.what", admin.getSiteName()), changedBy,
                Messages.get(locale, "auth.mail.password-changed.consequence"), "password was changed");
    }

    /**
     * The language of a user's e-mails: the one they chose for the admin, else English (an e-mail has no browser
     * to ask).
     */
    public static Locale recipientLocale(AdminUser user) {
        String tag = user.getPreferredLanguage();
        if (tag == null || tag.isBlank()) {
            return Messages.LANGUAGES.getFirst();
        }
        String language = Locale.forLanguageTag(tag).getLanguage();
        return Messages.LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst()
                .orElse(Messages.LANGUAGES.getFirst());
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
        // The caller's words are English: the frame around them is too, so the mail reads in one language.
        send(user, Locale.ENGLISH, Messages.get(Locale.ENGLISH, "auth.mail.subject", admin.getSiteName(), subject), what,
                changedBy, consequence, subject);
    }

    /**
     * Like {@link #accountChanged(AdminUser, String, String, String, String)}, with the texts as message keys read
     * in the user's language (see {@link #recipientLocale}); each gets the site name as {@code {0}}.
     *
     * @param consequenceKey may be null for none
     */
    public void accountChangedKeys(AdminUser user, String subjectKey, String whatKey, String changedBy,
            String consequenceKey) {
        Locale locale = recipientLocale(user);
        String site = admin.getSiteName();
        send(user, locale, Messages.get(locale, subjectKey, site), Messages.get(locale, whatKey, site), changedBy,
                consequenceKey == null ? "" : Messages.get(locale, consequenceKey, site), subjectKey);
    }

    /** @param logged what the log says happened (English, for operators) */
    private void send(AdminUser user, Locale locale, String subject, String what, String changedBy,
            String consequence, String logged) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(user.getEmail());
        message.setSubject(subject);
        String when = TIME.format(clock.instant().atOffset(ZoneOffset.UTC));
        message.setText(Messages.get(locale, "auth.mail.greeting", user.getUsername()) + "\n\n"
                + (changedBy.equals(user.getUsername()) ? Messages.get(locale, "auth.mail.done-by-you", what, when)
                        : Messages.get(locale, "auth.mail.done-by-admin", what, when, changedBy)) + "\n"
                + (consequence.isEmpty() ? "" : consequence + "\n") + "\n"
                + Messages.get(locale, "auth.mail.unexpected") + "\n");
        try {
            sender.send(message);
            log.info("Told '{}' by e-mail that their {}", user.getUsername(), logged);
        } catch (MailException failed) {
            log.warn("Could not e-mail '{}' that their {}: {}", user.getUsername(), logged, failed.getMessage());
        }
    }
}
