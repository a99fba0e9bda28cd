package dev.portcullis.perimeter.internal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The built-in Content-Security-Policy: nothing from other origins, no plugins, no framing, forms post only to
 * ourselves, and scripts only from our own origin or inline with this response's nonce (Vaadin's bootstrap page has
 * inline scripts; {@link VaadinScriptNonces} gives each of them the nonce).
 *
 * <p>{@code 'unsafe-eval'} stays: Vaadin Flow's client engine turns the expressions the server sends
 * ({@code executeJs}, event data, renderers) into functions with the {@code Function} constructor, and without it
 * the admin does not start (tested in a real browser). Injected script still cannot run — every inline script needs
 * the nonce, and none may come from another origin. Vaadin's documented way around it, a hand-kept map of every
 * expression the application sends, is not done here.
 */
final class ContentSecurityPolicy {

    /** Request attribute holding this response's nonce. */
    static final String NONCE_ATTRIBUTE = ContentSecurityPolicy.class.getName() + ".nonce";
    /** Placeholder a custom policy may use for the nonce. */
    static final String NONCE_PLACEHOLDER = "{nonce}";

    private ContentSecurityPolicy() {
    }

    static String builtIn() {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self' 'nonce-" + NONCE_PLACEHOLDER + "' 'unsafe-eval'",
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

    static String newNonce(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
