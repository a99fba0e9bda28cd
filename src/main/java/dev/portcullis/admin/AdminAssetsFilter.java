package dev.portcullis.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves Vaadin's Lumo stylesheets under the admin path ({@code <path>/lumo/...}). Vaadin expects them at the
 * site root, where we serve nothing, so that no file at {@code /} hints that an admin exists. Only plain CSS
 * file names are accepted; anything else falls through to the 404 every unknown path gets.
 */
class AdminAssetsFilter extends OncePerRequestFilter {

    static final String SEGMENT = "/lumo/";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*\\.css");

    private final String prefix;

    AdminAssetsFilter(String adminPath) {
        this.prefix = adminPath + SEGMENT;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + prefix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = request.getRequestURI().substring(request.getContextPath().length() + prefix.length());
        ClassPathResource css = new ClassPathResource("META-INF/resources/lumo/" + name);
        boolean readable = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && SAFE_NAME.matcher(name).matches() && css.isReadable();
        if (!readable) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/css;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setContentLengthLong(css.contentLength());
        if ("GET".equals(request.getMethod())) {
            try (InputStream in = css.getInputStream()) {
                in.transferTo(response.getOutputStream());
            }
        }
    }
}
