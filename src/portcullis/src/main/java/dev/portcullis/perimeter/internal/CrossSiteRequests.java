package dev.portcullis.perimeter.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import dev.portcullis.perimeter.AdminAccessProperties;

/**
 * Tells a request a browser sent on behalf of another site from one the site's own pages sent: by the browser's
 * {@code Sec-Fetch-Site} header, and by {@code Origin}, which must name this request's own scheme and host or one of
 * {@code portcullis.admin.allowed-hosts}. Requests without either header (scripts, old browsers) are not
 * cross-site: no browser leaves both out of a cross-site POST.
 */
public final class CrossSiteRequests {

    private final List<String> allowedHosts;

    public CrossSiteRequests(AdminAccessProperties access) {
        this.allowedHosts = access.getAllowedHosts().stream().map(RedirectHostFilter::bare).toList();
    }

    /** True when a browser sent this request from another site's page. */
    public boolean isCrossSite(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !isOwn(origin.strip(), request);
    }

    /** True for the methods that change state, which a foreign page must not trigger. */
    static boolean changesState(HttpServletRequest request) {
        return switch (request.getMethod().toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }

    private boolean isOwn(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (java.net.URISyntaxException malformed) {
            return false; // includes "null", sent by sandboxed frames and privacy-sensitive redirects
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        String host = RedirectHostFilter.bare(uri.getHost());
        if (allowedHosts.contains(host)) {
            return true;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String ownHost = RedirectHostFilter.bare(request.getServerName());
        return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT)) && host.equals(ownHost)
                && port == request.getServerPort();
    }
}
