package dev.portcullis.perimeter.internal;

import java.io.IOException;
import java.security.SecureRandom;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.portcullis.perimeter.HeadersProperties;
import dev.portcullis.perimeter.HttpsProperties;

/**
 * Puts the security headers on every response — admin, sign-in, static files, honeypot, error pages, 404s — before
 * anything else writes, refuses TRACE, and sends plain-HTTP requests to HTTPS when HTTPS is on. Spring Security's
 * own header writers leave headers that are already present alone, so these values win everywhere.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    private final HttpsProperties https;
    private final String contentSecurityPolicy;
    private final String referrerPolicy;
    private final String permissionsPolicy;

    private final SecureRandom random;
    /** Allowed host names without brackets, for the HTTPS redirect. */
    private final java.util.List<String> allowedHosts;

    public SecurityHeadersFilter(HttpsProperties https, HeadersProperties headers, SecureRandom random) {
        this(https, headers, random, java.util.List.of());
    }

    public SecurityHeadersFilter(HttpsProperties https, HeadersProperties headers, SecureRandom random,
            java.util.List<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(RedirectHostFilter::bare).toList();
        this.https = https;
        this.random = random;
        this.contentSecurityPolicy = headers.getContentSecurityPolicy() != null ? headers.getContentSecurityPolicy()
                : ContentSecurityPolicy.builtIn();
        this.referrerPolicy = headers.getReferrerPolicy();
        this.permissionsPolicy = headers.getPermissionsPolicy();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        writeHeaders(request, response);
        if ("TRACE".equalsIgnoreCase(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (https.isEnabled() && !request.isSecure() && request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", httpsUrl(request));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The headers alone; also written by the server's error valve on answers the application never saw. */
    void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String nonce = ContentSecurityPolicy.newNonce(random);
        request.setAttribute(ContentSecurityPolicy.NONCE_ATTRIBUTE, nonce);
        response.setHeader("Content-Security-Policy",
                contentSecurityPolicy.replace(ContentSecurityPolicy.NONCE_PLACEHOLDER, nonce));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", referrerPolicy);
        response.setHeader("Permissions-Policy", permissionsPolicy);
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (https.isEnabled() && request.isSecure()) {
            response.setHeader("Strict-Transport-Security", https.hstsHeader());
        }
    }

    private String httpsUrl(HttpServletRequest request) {
        // Named by the request only when it is an allowed host (or none are set); never a forged one otherwise.
        String host = allowedHosts.isEmpty()
                || allowedHosts.contains(RedirectHostFilter.bare(request.getServerName()))
                ? request.getServerName() : allowedHosts.getFirst();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String query = request.getQueryString();
        return "https://" + host + (https.getPort() == 443 ? "" : ":" + https.getPort()) + request.getRequestURI()
                + (query == null ? "" : "?" + query);
    }
}
