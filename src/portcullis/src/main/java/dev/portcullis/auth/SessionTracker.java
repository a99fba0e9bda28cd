package dev.portcullis.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/**
 * Keeps a record of every signed-in session in the database, so any node can end any session: idle and absolute
 * timeouts, a user ending their other sessions, an administrator ending someone's, a disabled user. The node that
 * serves the session's next request sees the end and invalidates it.
 */
public class SessionTracker {

    private static final Logger log = LoggerFactory.getLogger(SessionTracker.class);
    /** Last-seen times are written at most this often, to keep writes off the hot path. */
    private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

    private final EntityManager em;
    private final SessionProperties properties;
    private final Clock clock;

    SessionTracker(EntityManager em, SessionProperties properties, Clock clock) {
        this.em = em;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records a request in a signed-in session and says whether the session may go on.
     *
     * @param activity false for Vaadin's heartbeat, which must not keep an idle session alive
     * @return null when the session may go on, otherwise why it ended
     */
    @Transactional
    public String touch(String sessionId, AdminPrincipal user, String clientAddress, String userAgent, boolean activity) {
        Instant now = clock.instant();
        AdminSession session = find(sessionId);
        if (session == null) {
            em.persist(new AdminSession(hash(sessionId), user.getUserId(), user.getUsername(), now,
                    truncate(clientAddress, 64), truncate(userAgent, 255)));
            return null;
        }
        if (session.getEndedAt() == null) {
            Boolean active = em.createQuery("select u.active from AdminUser u where u.id = :id", Boolean.class)
                    .setParameter("id", session.getUserId()).getResultList().stream().findFirst().orElse(false);
            if (!active) {
                session.end(now, "user disabled");
            } else if (!now.isBefore(session.getStartedAt().plus(properties.getAbsoluteTimeout()))) {
                session.end(now, "absolute timeout");
            } else if (!now.isBefore(session.getLastSeenAt().plus(properties.getIdleTimeout()))) {
                session.end(now, "idle timeout");
            } else if (activity && !now.isBefore(session.getLastSeenAt().plus(TOUCH_GRANULARITY))) {
                session.setLastSeenAt(now);
            }
        }
        return session.getEndedAt() == null ? null : session.getEndReason();
    }

    /** Ends every other session of a user, e.g. after a password change. */
    @Transactional
    public int endOthers(long userId, String keepSessionId, String reason) {
        String keep = keepSessionId == null ? "" : hash(keepSessionId);
        List<AdminSession> others = openSessions(userId).stream().filter(s -> !s.getSessionHash().equals(keep)).toList();
        others.forEach(s -> s.end(clock.instant(), reason));
        int ended = others.size();
        log.info("Ended {} other session(s) of user #{}: {}", ended, userId, reason);
        return ended;
    }

    /** Ends one session, recording why (and by whom). */
    @Transactional
    public void end(AdminSession session, String reason) {
        AdminSession managed = em.find(AdminSession.class, session.getId());
        managed.end(clock.instant(), reason);
        log.info("Ended a session of '{}': {}", managed.getUsername(), reason);
    }

    List<AdminSession> openSessions(long userId) {
        return em.createQuery("select s from AdminSession s where s.userId = :user and s.endedAt is null",
                AdminSession.class).setParameter("user", userId).getResultList();
    }

    private AdminSession find(String sessionId) {
        return em.createQuery("select s from AdminSession s where s.sessionHash = :hash", AdminSession.class)
                .setParameter("hash", hash(sessionId)).getResultList().stream().findFirst().orElse(null);
    }

    static String hash(String sessionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
