package dev.portcullis.perimeter.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import dev.portcullis.perimeter.AdminAccessProperties;

/**
 * Keeps the client's {@code Host} header out of redirects. Whatever builds a redirect (Spring Security's entry point,
 * Tomcat turning a relative Location absolute), a Location naming this request's host is rewritten when that host
 * is not one of {@code portcullis.admin.allowed-hosts}: to the first allowed host, or — with none set — to a
 * relative Location. A forged Host can then never travel on in a link, a cache or a mail.
 */
public class RedirectHostFilter extends OncePerRequestFilter {

    /** As configured (IPv6 in brackets), and without brackets for comparing. */
    private final List<String> allowedHosts;
    private final List<String> allowedBare;

    public RedirectHostFilter(AdminAccessProperties access) {
        this.allowedHosts = access.getAllowedHosts();
        this.allowedBare = allowedHosts.stream().map(RedirectHostFilter::bare).toList();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(safe(request, location));
            }

            @Override
            public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
                super.sendRedirect(safe(request, location), status, clearBuffer);
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, "location".equalsIgnoreCase(name) ? safe(request, value) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, "location".equalsIgnoreCase(name) ? safe(request, value) : value);
            }
        });
    }

    /** The location with an unlisted request host replaced; other locations unchanged. */
    String safe(HttpServletRequest request, String location) {
        if (location == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException notAUri) {
            return location;
        }
        String host = uri.getHost();
        String requestHost = bare(request.getServerName());
        if (host == null || !bare(host).equals(requestHost) || allowedBare.contains(requestHost)) {
            return location; // relative, another site on purpose, or a host we serve
        }
        String tail = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        if (allowedHosts.isEmpty()) {
            return tail;
        }
        return uri.getScheme() + "://" + allowedHosts.getFirst()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + tail;
    }

    static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }
}
