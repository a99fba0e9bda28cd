package dev.portcullis.perimeter;

/**
 * The built-in Content-Security-Policy: nothing from other origins, no plugins, no framing, no {@code eval}, and
 * forms post only to ourselves. Vaadin's pre-built bundle loads as same-origin modules.
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    static String builtIn() {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "manifest-src 'self'",
                "worker-src 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "object-src 'none'");
    }
}
