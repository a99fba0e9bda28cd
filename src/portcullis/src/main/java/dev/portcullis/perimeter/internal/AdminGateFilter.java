package dev.portcullis.perimeter.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.portcullis.perimeter.AccessGuard;
import dev.portcullis.perimeter.AdminAccessProperties;
import dev.portcullis.perimeter.IpRange;

/**
 * Serves the admin only to allowed hosts and networks, and nothing to clients a guard refuses. Everyone else gets
 * exactly what a path that does not exist gets: the container's 404, through the same plain error page.
 */
public class AdminGateFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminGateFilter.class);

    private final String adminPath;
    private final List<String> allowedHosts;
    private final List<IpRange> allowedNetworks;
    private final ObjectProvider<AccessGuard> guards;

    public AdminGateFilter(String adminPath, AdminAccessProperties access, ObjectProvider<AccessGuard> guards) {
        this.adminPath = adminPath;
        this.allowedHosts = access.getAllowedHosts();
        this.allowedNetworks = IpRange.parseAll(access.getAllowedNetworks());
        this.guards = guards;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        String path = decodedPath(request);
        boolean admin = path.equals(adminPath) || path.startsWith(adminPath + "/");
        String refusal = admin ? adminRefusal(request, client) : siteRefusal(client);
        if (refusal != null) {
            log.debug("Answered {} {} from {} with 404: {}", request.getMethod(), path, client, refusal);
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The path the container maps — decoded, without {@code ;parameters} — not the raw request URI: otherwise
     * {@code /%63onsole/} or {@code /console;x/} would reach the admin's servlet past these rules.
     */
    static String decodedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    private String adminRefusal(HttpServletRequest request, String client) {
        if (!allowedHosts.isEmpty() && !allowedHosts.contains(request.getServerName().toLowerCase(Locale.ROOT))) {
            return "host not in portcullis.admin.allowed-hosts";
        }
        if (!allowedNetworks.isEmpty() && !IpRange.anyContains(allowedNetworks, client)) {
            return "client not in portcullis.admin.allowed-networks";
        }
        for (AccessGuard guard : guards) {
            if (guard.refusesAdmin(client) || guard.refusesSite(client)) {
                return "refused by " + guard.getClass().getSimpleName();
            }
        }
        return null;
    }

    private String siteRefusal(String client) {
        for (AccessGuard guard : guards) {
            if (guard.refusesSite(client)) {
                return "refused site-wide by " + guard.getClass().getSimpleName();
            }
        }
        return null;
    }
}
