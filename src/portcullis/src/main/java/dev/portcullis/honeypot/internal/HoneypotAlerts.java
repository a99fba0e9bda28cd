package dev.portcullis.honeypot.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import dev.portcullis.honeypot.AlertLanguage;
import dev.portcullis.i18n.Messages;
import dev.portcullis.honeypot.HoneypotProperties;

/**
 * E-mails the alert recipients: the first attempt from an address at once, everything else in a digest at most every
 * {@code digest-interval}. An attempt is reported once: the e-mail that reports it stamps it. Without
 * {@code spring.mail.host} or recipients nothing is sent and attempts wait, unreported, in the admin's list.
 * <p>
 * Each recipient reads the alert in their language ({@link AlertLanguage}), English when it is unknown: recipients
 * who read the same language share one e-mail.
 */
public class HoneypotAlerts {

    private static final Logger log = LoggerFactory.getLogger(HoneypotAlerts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Immediate alerts per digest interval: past this, a flood from many addresses waits for the digest. */
    static final int MAX_IMMEDIATE = 10;
    /** Attempts listed in one digest; the rest are counted. */
    static final int DIGEST_LINES = 200;

    private final EntityManager em;
    private final ObjectProvider<JavaMailSender> mail;
    private final HoneypotProperties properties;
    private final String from;
    private final String site;
    private final Clock clock;
    private final AlertLanguage languages;

    public HoneypotAlerts(EntityManager em, ObjectProvider<JavaMailSender> mail, HoneypotProperties properties, String from,
            String site, Clock clock) {
        this(em, mail, properties, from, site, clock, address -> null);
    }

    public HoneypotAlerts(EntityManager em, ObjectProvider<JavaMailSender> mail, HoneypotProperties properties, String from,
            String site, Clock clock, AlertLanguage languages) {
        this.languages = languages;
        this.em = em;
        this.mail = mail;
        this.properties = properties;
        this.from = from;
        this.site = site;
        this.clock = clock;
    }

    boolean configured() {
        return !properties.getAlertRecipients().isEmpty() && mail.getIfAvailable() != null;
    }

    /** Reports the first attempt from an address at once, unless too many immediate alerts went out lately. */
    @Transactional
    public boolean alertFirst(long attemptId) {
        Instant now = clock.instant();
        IntrusionAttempt attempt = em.find(IntrusionAttempt.class, attemptId);
        if (!configured() || attempt == null || attempt.getAlertedAt() != null) {
            return false;
        }
        long recentMails = em.createQuery("select count(distinct a.alertedAt) from IntrusionAttempt a "
                + "where a.alertedAt > :since", Long.class)
                .setParameter("since", now.minus(properties.getDigestInterval())).getSingleResult();
        if (recentMails >= MAX_IMMEDIATE) {
            return false;
        }
        attempt.alerted(now);
        send(locale -> Messages.get(locale, "honeypot.mail.first.subject", attempt.getClientAddress()),
                locale -> Messages.get(locale, "honeypot.mail.first.intro", site) + "\n\n" + line(locale, attempt)
                        + "\n\n" + Messages.get(locale, "honeypot.mail.first.digest",
                                properties.getDigestInterval().toMinutes()) + "\n");
        return true;
    }

    /**
     * Sends one digest of every attempt not yet reported, when the last alert is at least {@code digest-interval}
     * old. Returns the number of attempts it reported.
     */
    @Transactional
    public int sendDigest() {
        if (!configured()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant last = em.createQuery("select max(a.alertedAt) from IntrusionAttempt a", Instant.class).getSingleResult();
        if (last != null && last.plus(properties.getDigestInterval()).isAfter(now)) {
            return 0;
        }
        List<IntrusionAttempt> pending = em.createQuery("select a from IntrusionAttempt a where a.alertedAt is null "
                + "order by a.id", IntrusionAttempt.class).setMaxResults(DIGEST_LINES).getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        // Claim the rows first: when two nodes race, the second claims nothing and sends nothing.
        int claimed = em.createQuery("update IntrusionAttempt a set a.alertedAt = :now where a.alertedAt is null")
                .setParameter("now", now).executeUpdate();
        if (claimed == 0) {
            return 0;
        }
        send(locale -> Messages.get(locale, "honeypot.mail.digest.subject", claimed), locale -> {
            StringBuilder body = new StringBuilder(Messages.get(locale, "honeypot.mail.digest.intro", site, claimed))
                    .append("\n\n");
            pending.forEach(attempt -> body.append(line(locale, attempt)).append('\n'));
            if (claimed > pending.size()) {
                body.append(Messages.get(locale, "honeypot.mail.digest.more", claimed - pending.size())).append('\n');
            }
            return body.toString();
        });
        return claimed;
    }

    private static String line(Locale locale, IntrusionAttempt attempt) {
        return Messages.get(locale, "honeypot.mail.line", TIME.format(attempt.getAttemptedAt()),
                attempt.getClientAddress(), attempt.getMethod(), attempt.getPath(),
                attempt.getUsername() == null ? "-" : attempt.getUsername(),
                attempt.getUserAgent() == null ? "-" : attempt.getUserAgent());
    }

    /** One e-mail per language the recipients read, each written in it. */
    private void send(Function<Locale, String> subject, Function<Locale, String> text) {
        Map<Locale, List<String>> byLanguage = new LinkedHashMap<>();
        for (String recipient : properties.getAlertRecipients()) {
            byLanguage.computeIfAbsent(language(recipient), any -> new ArrayList<>()).add(recipient);
        }
        byLanguage.forEach((locale, recipients) -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(recipients.toArray(String[]::new));
            String title = subject.apply(locale);
            message.setSubject("[" + site + "] " + title);
            message.setText(text.apply(locale));
            try {
                mail.getObject().send(message);
                log.info("Honeypot alert '{}' sent to {}", title, recipients);
            } catch (MailException e) {
                log.warn("Honeypot alert '{}' could not be sent: {}", title, e.getMessage());
            }
        });
    }

    /** The language {@code recipient} reads, among those the framework speaks; English when unknown. */
    private Locale language(String recipient) {
        Locale stored;
        try {
            stored = languages.of(recipient);
        } catch (RuntimeException unreadable) {
            log.warn("Could not look up the language of a honeypot alert recipient: {}", unreadable.getMessage());
            stored = null;
        }
        if (stored != null) {
            for (Locale spoken : Messages.LANGUAGES) {
                if (spoken.getLanguage().equals(stored.getLanguage())) {
                    return spoken;
                }
            }
        }
        return Messages.LANGUAGES.getFirst();
    }
}
