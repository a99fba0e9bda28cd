package dev.portcullis.honeypot.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.portcullis.perimeter.internal.CrossSiteRequests;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.portcullis.honeypot.HoneypotProperties;

/**
 * Serves the fake login at the honeypot paths. A sign-in always fails, after the same delay whatever was typed, and
 * never creates a session. The waiting happens on the honeypot's timer, not on a web server thread, so a flood
 * leaves the real admin responsive. Only the username is read from the form: the password is never touched.
 */
public class HoneypotFilter extends OncePerRequestFilter {

    private final Set<String> paths;
    private final Duration delay;
    /** Looked up at the first request: filters are created while the web server starts, before JPA is ready. */
    private final ObjectProvider<HoneypotWorker> worker;
    private final HoneypotPage page;
    /** Tells attempts another site's page made a browser send; absent when the perimeter is replaced. */
    private final ObjectProvider<CrossSiteRequests> crossSite;

    public HoneypotFilter(HoneypotProperties properties, ObjectProvider<HoneypotWorker> worker, HoneypotPage page,
            ObjectProvider<CrossSiteRequests> crossSite) {
        this.crossSite = crossSite;
        this.paths = Set.copyOf(properties.getPaths());
        this.delay = properties.getDelay();
        this.worker = worker;
        this.page = page;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !paths.contains(path) && !paths.contains(path + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        if (!paths.contains(path)) {
            // /admin -> /admin/, as the real thing would.
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + path + "/");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        switch (request.getMethod()) {
            case "GET", "HEAD" -> write(response, page.render(request.getRequestURI(), null, false),
                    "HEAD".equals(request.getMethod()));
            case "POST" -> attempt(request, response, path);
            default -> {
                response.setHeader("Allow", "GET, HEAD, POST");
                response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            }
        }
    }

    private void attempt(HttpServletRequest request, HttpServletResponse response, String path) {
        String username = request.getParameter("username");
        HoneypotWorker worker = this.worker.getObject();
        CrossSiteRequests sites = crossSite.getIfAvailable();
        worker.submit(request.getRemoteAddr(), request.getHeader("User-Agent"), username, path, request.getMethod(),
                sites != null && sites.isCrossSite(request));
        byte[] body = page.render(request.getRequestURI(), username, true);
        AsyncContext async = request.startAsync();
        async.setTimeout(delay.toMillis() + 60_000);
        worker.later(delay, () -> {
            try {
                write((HttpServletResponse) async.getResponse(), body, false);
            } catch (IOException | IllegalStateException gone) {
                // the visitor left before the answer
            } finally {
                async.complete();
            }
        });
    }

    private static void write(HttpServletResponse response, byte[] body, boolean headOnly) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(body.length);
        if (!headOnly) {
            response.getOutputStream().write(body);
        }
    }

    /** The decoded path the container maps, so /%61dmin/ is the honeypot too. */
    private static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }
}
