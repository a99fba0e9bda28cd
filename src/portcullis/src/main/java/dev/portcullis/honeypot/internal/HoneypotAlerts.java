package dev.portcullis.honeypot.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import dev.portcullis.honeypot.HoneypotProperties;

/**
 * E-mails the alert recipients: the first attempt from an address at once, everything else in a digest at most every
 * {@code digest-interval}. An attempt is reported once: the e-mail that reports it stamps it. Without
 * {@code spring.mail.host} or recipients nothing is sent and attempts wait, unreported, in the admin's list.
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

    public HoneypotAlerts(EntityManager em, ObjectProvider<JavaMailSender> mail, HoneypotProperties properties, String from,
            String site, Clock clock) {
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
        send("Honeypot: sign-in attempt from " + attempt.getClientAddress(),
                "Someone tried to sign in at the fake admin login of " + site + ".\n\n" + line(attempt)
                        + "\n\nFurther attempts are collected in a digest, sent at most every "
                        + properties.getDigestInterval().toMinutes() + " minutes. The password tried is never recorded.\n");
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
        StringBuilder body = new StringBuilder("Attempts at the fake admin login of ").append(site)
                .append(" since the last alert: ").append(claimed).append(".\n\n");
        pending.forEach(attempt -> body.append(line(attempt)).append('\n'));
        if (claimed > pending.size()) {
            body.append("... and ").append(claimed - pending.size()).append(" more; see Intrusion attempts in the admin.\n");
        }
        send("Honeypot digest: " + claimed + " attempt(s)", body.toString());
        return claimed;
    }

    private static String line(IntrusionAttempt attempt) {
        return TIME.format(attempt.getAttemptedAt()) + "  " + attempt.getClientAddress() + "  " + attempt.getMethod()
                + " " + attempt.getPath() + "  username: " + (attempt.getUsername() == null ? "-" : attempt.getUsername())
                + "  browser: " + (attempt.getUserAgent() == null ? "-" : attempt.getUserAgent());
    }

    private void send(String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(properties.getAlertRecipients().toArray(String[]::new));
        message.setSubject("[" + site + "] " + subject);
        message.setText(text);
        try {
            mail.getObject().send(message);
            log.info("Honeypot alert '{}' sent to {}", subject, properties.getAlertRecipients());
        } catch (MailException e) {
            log.warn("Honeypot alert '{}' could not be sent: {}", subject, e.getMessage());
        }
    }
}
