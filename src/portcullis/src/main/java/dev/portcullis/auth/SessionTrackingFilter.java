package dev.portcullis.auth;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Runs after Spring Security on every admin request of a signed-in user: records it, and ends the session on the
 * spot when the tracker says it has ended (timeout, ended elsewhere, user disabled). Vaadin's heartbeat is
 * recorded but does not count as activity.
 */
class SessionTrackingFilter extends OncePerRequestFilter {

    /** Looked up at the first request: filters are created while the web server starts, before JPA is ready. */
    private final ObjectProvider<SessionTracker> tracker;
    private final String loginUrl;

    SessionTrackingFilter(ObjectProvider<SessionTracker> tracker, String adminPath) {
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
            String ended = tracker.getObject().touch(session.getId(), user, request.getRemoteAddr(), request.getHeader("User-Agent"),
                    activity);
            if (ended != null) {
                SecurityContextHolder.clearContext();
                session.invalidate();
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
}
