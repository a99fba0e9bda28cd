package dev.portcullis.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.SessionProperties;

/**
 * Keeps a record of every signed-in session in the database, so any node can end any session: idle and absolute
 * timeouts, a user ending their other sessions, an administrator ending someone's, a disabled user. The node that
 * serves the session's next request sees the end and invalidates it.
 */
public class SessionTracker {

    private static final Logger log = LoggerFactory.getLogger(SessionTracker.class);
    /** Last-seen times are written at most this often, to keep writes off the hot path. */
    private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

    /** The end reason of a session its user signed out of. */
    static final String SIGNED_OUT = SessionEndReasons.SIGNED_OUT;

    private final EntityManager em;
    private final SessionProperties properties;
    private final Clock clock;

    public SessionTracker(EntityManager em, SessionProperties properties, Clock clock) {
        this.em = em;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a request found: why its session ended (null while it goes on), and the rights its user holds now. */
    public record Visit(String ended, List<String> authorities) {
    }

    /**
     * Records a request in a signed-in session and says whether the session may go on.
     *
     * @param activity false for Vaadin's heartbeat, which must not keep an idle session alive
     * @return null when the session may go on, otherwise why it ended
     */
    @Transactional
    public String touch(String sessionId, AdminPrincipal user, String clientAddress, String userAgent, boolean activity) {
        return visit(sessionId, user, clientAddress, userAgent, activity).ended();
    }

    /**
     * Records a request in a signed-in session, says whether the session may go on, and reads the user's rights as
     * they are now in the database (roles and permissions changed or disabled since sign-in apply at once, on every
     * node). Every write is a single conditional statement, never a versioned entity update: parallel requests of one
     * session (heartbeats, uploads, a second tab) merge instead of failing on each other. Only the first request of a
     * session can race another one, on the insert; the caller retries that.
     *
     * @param activity false for Vaadin's heartbeat, which must not keep an idle session alive
     */
    @Transactional
    public Visit visit(String sessionId, AdminPrincipal user, String clientAddress, String userAgent,
            boolean activity) {
        Instant now = clock.instant();
        AdminSession session = find(sessionId);
        if (session == null) {
            session = new AdminSession(hash(sessionId), user.getUserId(), user.getUsername(), now,
                    truncate(SessionLabels.address(clientAddress), 64), truncate(userAgent, 255));
            em.persist(session);
            em.flush();
        }
        em.detach(session); // read only: the writes below are statements, so nothing is written back at commit
        if (session.getEndedAt() != null) {
            return new Visit(session.getEndReason(), List.of());
        }
        Object[] standing = em.createQuery("select u.active, u.staff, u.superuser from AdminUser u where u.id = :id",
                Object[].class).setParameter("id", session.getUserId()).getResultList().stream().findFirst()
                .orElse(new Object[] {false, false, false});
        String reason = !Boolean.TRUE.equals(standing[0]) ? SessionEndReasons.USER_DISABLED
                : !Boolean.TRUE.equals(standing[1]) ? SessionEndReasons.NO_LONGER_STAFF
                : !now.isBefore(session.getStartedAt().plus(properties.getAbsoluteTimeout()))
                        ? SessionEndReasons.ABSOLUTE_TIMEOUT
                : !now.isBefore(session.getLastSeenAt().plus(properties.getIdleTimeout()))
                        ? SessionEndReasons.IDLE_TIMEOUT
                : null;
        if (reason != null) {
            return new Visit(endNow(session.getId(), now, reason), List.of());
        }
        if (activity && !now.isBefore(session.getLastSeenAt().plus(TOUCH_GRANULARITY))) {
            em.createQuery("update AdminSession s set s.lastSeenAt = :now where s.id = :id and s.endedAt is null"
                    + " and s.lastSeenAt < :now").setParameter("now", now).setParameter("id", session.getId())
                    .executeUpdate();
        }
        return new Visit(null, authorities(session.getUserId(), Boolean.TRUE.equals(standing[2])));
    }

    /** Ends a session unless it has ended already, and returns why it ended (the earlier reason, if any). */
    private String endNow(long id, Instant now, String reason) {
        int ended = em.createQuery("update AdminSession s set s.endedAt = :now, s.endReason = :reason where s.id = :id"
                + " and s.endedAt is null").setParameter("now", now).setParameter("reason", reason)
                .setParameter("id", id).executeUpdate();
        if (ended == 1) {
            return reason;
        }
        return em.createQuery("select s.endReason from AdminSession s where s.id = :id", String.class)
                .setParameter("id", id).getResultList().stream().findFirst().orElse(reason);
    }

    /** The authorities a signed-in user holds now: staff, superuser, and the permissions of their active roles. */
    private List<String> authorities(long userId, boolean superuser) {
        List<String> authorities = new ArrayList<>();
        authorities.add(AdminPrincipal.ROLE_STAFF);
        if (superuser) {
            authorities.add(AdminPrincipal.ROLE_SUPERUSER);
        }
        authorities.addAll(em.createQuery("select distinct p from AdminUser u join u.roles r join r.permissions p"
                + " where u.id = :id and r.active = true", String.class).setParameter("id", userId).getResultList());
        return authorities;
    }

    /** Ends every other session of a user, e.g. after a password change. */
    @Transactional
    public int endOthers(long userId, String keepSessionId, String reason) {
        return endOthers(userId, keepSessionId, reason, null);
    }

    /** Ends every other session of a user, recording the administrator who caused it ({@code by}, may be null). */
    @Transactional
    public int endOthers(long userId, String keepSessionId, String reason, String by) {
        String keep = keepSessionId == null ? "" : hash(keepSessionId);
        int ended = em.createQuery("update AdminSession s set s.endedAt = :now, s.endReason = :reason,"
                + " s.endedBy = :by where s.userId = :user and s.endedAt is null and s.sessionHash <> :keep")
                .setParameter("now", clock.instant()).setParameter("reason", reason).setParameter("user", userId)
                .setParameter("by", by).setParameter("keep", keep).executeUpdate();
        log.info("Ended {} other session(s) of user #{}: {}", ended, userId, reason);
        return ended;
    }

    /** Ends one session, recording why. */
    @Transactional
    public void end(AdminSession session, String reason) {
        end(session, reason, null);
    }

    /** Ends one session, recording why and the administrator who ended it ({@code by}, may be null). */
    @Transactional
    public void end(AdminSession session, String reason, String by) {
        AdminSession managed = em.find(AdminSession.class, session.getId());
        managed.end(clock.instant(), reason, by);
        log.info("Ended a session of '{}': {}", managed.getUsername(), reason);
    }

    /** The user signed out: their session is marked ended now, not left to time out in the list. */
    @Transactional
    public void signedOut(String sessionId) {
        AdminSession session = find(sessionId);
        if (session != null && session.getEndedAt() == null) {
            endNow(session.getId(), clock.instant(), SIGNED_OUT);
            log.info("'{}' signed out", session.getUsername());
        }
    }

    /** Whether {@code session} is the one of the servlet session {@code sessionId} (the "this session" mark). */
    public static boolean isCurrent(AdminSession session, String sessionId) {
        return session != null && sessionId != null && hash(sessionId).equals(session.getSessionHash());
    }

    /** One page of a user's own sessions, latest activity first (the "My sessions" page). */
    @Transactional(readOnly = true)
    public List<AdminSession> sessionsOf(long userId, int offset, int limit) {
        return em.createQuery("select s from AdminSession s where s.userId = :user order by s.lastSeenAt desc, s.id desc",
                AdminSession.class).setParameter("user", userId).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    /** How many sessions a user has had. */
    @Transactional(readOnly = true)
    public long countSessionsOf(long userId) {
        return em.createQuery("select count(s) from AdminSession s where s.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult();
    }

    /**
     * Ends one of the user's own sessions; a session of anyone else is left alone, whatever the caller passed.
     *
     * @return whether it was open and is ended now
     */
    @Transactional
    public boolean endOwn(long userId, long sessionId) {
        int ended = em.createQuery("update AdminSession s set s.endedAt = :now, s.endReason = :reason, s.endedBy = null"
                + " where s.id = :id and s.userId = :user and s.endedAt is null").setParameter("now", clock.instant())
                .setParameter("reason", SessionEndReasons.SIGNED_OUT).setParameter("id", sessionId)
                .setParameter("user", userId).executeUpdate();
        return ended == 1;
    }

    public List<AdminSession> openSessions(long userId) {
        return em.createQuery("select s from AdminSession s where s.userId = :user and s.endedAt is null",
                AdminSession.class).setParameter("user", userId).getResultList();
    }

    private AdminSession find(String sessionId) {
        return em.createQuery("select s from AdminSession s where s.sessionHash = :hash", AdminSession.class)
                .setParameter("hash", hash(sessionId)).getResultList().stream().findFirst().orElse(null);
    }

    public static String hash(String sessionId) {
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
