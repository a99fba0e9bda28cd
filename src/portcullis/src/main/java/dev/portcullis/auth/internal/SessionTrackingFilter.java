package dev.portcullis.auth.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import dev.portcullis.auth.AdminPrincipal;

/**
 * Runs after Spring Security on every admin request of a signed-in user: records it, ends the session on the spot
 * when the tracker says it has ended (timeout, ended elsewhere, user disabled), and puts the user's rights as they
 * are now in place of those read at sign-in, so a role or permission change applies at the next request. Vaadin's
 * heartbeat is recorded but does not count as activity.
 */
public class SessionTrackingFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionTrackingFilter.class);
    /** Attempts at the bookkeeping when parallel requests of one new session race to record it. */
    private static final int ATTEMPTS = 5;

    /** Looked up at the first request: filters are created while the web server starts, before JPA is ready. */
    private final ObjectProvider<SessionTracker> tracker;
    private final String loginUrl;

    public SessionTrackingFilter(ObjectProvider<SessionTracker> tracker, String adminPath) {
        this.tracker = tracker;
        this.loginUrl = adminPath + "/login";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof AdminPrincipal user) {
            String requestType = request.getParameter("v-r");
            boolean activity = !"heartbeat".equals(requestType);
            SessionTracker.Visit visit = visit(session.getId(), user, request, activity);
            boolean ended = visit.ended() != null;
            if (!ended) {
                try {
                    refreshRights(session, authentication, user, visit.authorities());
                } catch (IllegalStateException invalidated) {
                    ended = true; // a parallel request of this session ended it a moment ago
                }
            }
            if (ended) {
                SecurityContextHolder.clearContext();
                invalidate(session);
                if (requestType == null) {
                    response.sendRedirect(request.getContextPath() + loginUrl);
                    return;
                }
                // Vaadin's own requests carry on without a session: Vaadin answers "session expired" and the
                // browser reloads into the login page.
            }
        }
        chain.doFilter(request, response);
    }

    /** Ends the HTTP session; parallel requests of an ended session all try, and only the first one can. */
    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // another request of the same session invalidated it first: the outcome is the same
        }
    }

    /** The tracker's visit, tried again when a parallel request of the same session got there first. */
    private SessionTracker.Visit visit(String sessionId, AdminPrincipal user, HttpServletRequest request,
            boolean activity) {
        for (int attempt = 1;; attempt++) {
            try {
                return tracker.getObject().visit(sessionId, user, request.getRemoteAddr(),
                        request.getHeader("User-Agent"), activity);
            } catch (RuntimeException raced) {
                if (attempt == ATTEMPTS || !isConcurrencyFailure(raced)) {
                    throw raced;
                }
                log.debug("Session bookkeeping of '{}' met a parallel request; trying again", user.getUsername());
            }
        }
    }

    /** A duplicate insert, a lock conflict or a serialisation failure: another request of the session was first. */
    static boolean isConcurrencyFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.springframework.dao.ConcurrencyFailureException
                    || cause instanceof org.springframework.dao.DataIntegrityViolationException
                    || cause instanceof org.hibernate.exception.ConstraintViolationException
                    || cause instanceof org.hibernate.exception.LockAcquisitionException
                    || cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces the signed-in user's rights with those read now, in this request and in the session (Spring Security
     * does not save the context by itself), keeping authorities that are not rights (such as the sign-in factors).
     */
    private static void refreshRights(HttpSession session, Authentication authentication, AdminPrincipal user,
            List<String> current) {
        Set<String> held = user.authorityNames();
        if (held.equals(new HashSet<>(current))) {
            return;
        }
        AdminPrincipal updated = user.withAuthorities(current);
        List<GrantedAuthority> authorities = new ArrayList<>(updated.getAuthorities());
        authentication.getAuthorities().stream().filter(a -> !held.contains(a.getAuthority()))
                .forEach(authorities::add);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(updated, null,
                authorities);
        token.setDetails(authentication.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        Set<String> added = new HashSet<>(current);
        added.removeAll(held);
        Set<String> removed = new HashSet<>(held);
        current.forEach(removed::remove);
        log.info("Rights of '{}' changed since their last request: added {}, removed {}", user.getUsername(), added,
                removed);
    }
}
