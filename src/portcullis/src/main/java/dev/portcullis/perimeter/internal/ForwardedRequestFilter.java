package dev.portcullis.perimeter.internal;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * First filter of every request: puts the client address and scheme that {@link ClientAddressResolver} decided
 * in place, so everything after it reads them from the request as usual.
 */
public class ForwardedRequestFilter extends OncePerRequestFilter {

    private final ClientAddressResolver resolver;

    public ForwardedRequestFilter(ClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = resolver.clientAddress(request);
        boolean secure = resolver.isSecure(request);
        if (client.equals(request.getRemoteAddr()) && secure == request.isSecure()) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Resolved(request, client, secure), response);
    }

    private static final class Resolved extends HttpServletRequestWrapper {

        private final String client;
        private final boolean secure;

        Resolved(HttpServletRequest request, String client, boolean secure) {
            super(request);
            this.client = client;
            this.secure = secure;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getScheme() {
            return secure ? "https" : "http";
        }
    }
}
