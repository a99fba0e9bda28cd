package dev.portcullis.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.portcullis.environment.internal.EnvironmentInfo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves Vaadin's Lumo stylesheets under the admin path ({@code <path>/lumo/...}). Vaadin expects them at the
 * site root, where we serve nothing, so that no file at {@code /} hints that an admin exists. Only plain CSS
 * file names are accepted; anything else falls through to the 404 every unknown path gets.
 */
public class AdminAssetsFilter extends OncePerRequestFilter {

    public static final String SEGMENT = "/lumo/";
    public static final String FAVICON = "/favicon.svg";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*\\.css");

    private final String prefix;
    private final String favicon;
    private final byte[] faviconSvg;

    public AdminAssetsFilter(String adminPath, EnvironmentInfo environment) {
        this.prefix = adminPath + SEGMENT;
        this.favicon = adminPath + FAVICON;
        this.faviconSvg = faviconSvg(environment.color(), environment.textColor());
    }

    /** A portcullis (a gate's grille) in the environment's colours, so even a pinned tab shows where it points. */
    static byte[] faviconSvg(String background, String foreground) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
                + "<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"" + background + "\"/>"
                + "<path d=\"M8 7h16M8 13h16M8 19h16M11 7v19M16 7v19M21 7v19\" stroke=\"" + foreground
                + "\" stroke-width=\"2.5\" stroke-linecap=\"round\" fill=\"none\"/></svg>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return !uri.startsWith(prefix) && !uri.equals(favicon);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().substring(request.getContextPath().length()).equals(favicon)) {
            response.setContentType("image/svg+xml");
            response.setHeader("Cache-Control", "public, max-age=3600");
            response.setContentLength(faviconSvg.length);
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(faviconSvg);
            }
            return;
        }
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
