package dev.portcullis.perimeter.internal;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses (403) a state-changing request another site's page made a browser send — the sign-in and sign-out forms
 * and anything else that is not Vaadin's own channel, which carries Vaadin's token in every message. A second line
 * behind the sign-in form's CSRF token. The honeypot answers its own paths before this filter and only flags such
 * attempts, so a foreign page cannot get a visitor's address blocked.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestFilter.class);

    private final CrossSiteRequests crossSite;
    private final String adminPath;

    public CrossSiteRequestFilter(CrossSiteRequests crossSite, String adminPath) {
        this.crossSite = crossSite;
        this.adminPath = adminPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CrossSiteRequests.changesState(request) && !isVaadinChannel(request) && crossSite.isCrossSite(request)) {
            log.info("Refused a cross-site {} to {} from {} (Origin {}, Sec-Fetch-Site {})", request.getMethod(),
                    AdminGateFilter.decodedPath(request), request.getRemoteAddr(), request.getHeader("Origin"),
                    request.getHeader("Sec-Fetch-Site"));
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Vaadin's messages ({@code ?v-r=uidl}, uploads, heartbeats) under the admin path. The sign-in and sign-out
     * paths never are, whatever their query string says.
     */
    private boolean isVaadinChannel(HttpServletRequest request) {
        String path = AdminGateFilter.decodedPath(request);
        String query = request.getQueryString();
        return (path.equals(adminPath) || path.startsWith(adminPath + "/")) && !path.startsWith(adminPath + "/login")
                && !path.startsWith(adminPath + "/logout") && query != null
                && (query.startsWith("v-r=") || query.contains("&v-r="));
    }
}
