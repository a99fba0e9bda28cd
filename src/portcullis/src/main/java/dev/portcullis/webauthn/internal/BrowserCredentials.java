package dev.portcullis.webauthn.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinServletRequest;

import jakarta.servlet.http.HttpServletRequest;
import dev.portcullis.webauthn.WebAuthnProperties;

/**
 * The browser's half of a ceremony: the options from the server go to {@code navigator.credentials.create/get}
 * through Vaadin's {@code executeJs} (so there is no script file and no inline script for the CSP to allow), binary
 * values converted from and to base64url, and the answer comes back as JSON through the returned promise.
 */
final class BrowserCredentials {

    private static final String BASE64URL = """
            const b = s => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
            const e = a => btoa(String.fromCharCode(...new Uint8Array(a)))
                .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
            const o = JSON.parse($0);
            o.challenge = b(o.challenge);
            """;

    static final String CREATE = BASE64URL + """
            o.user.id = b(o.user.id);
            o.excludeCredentials = (o.excludeCredentials || []).map(c => Object.assign(c, {id: b(c.id)}));
            return navigator.credentials.create({publicKey: o}).then(c => JSON.stringify({
                id: c.id, rawId: e(c.rawId), type: c.type, authenticatorAttachment: c.authenticatorAttachment,
                clientExtensionResults: c.getClientExtensionResults(),
                response: {clientDataJSON: e(c.response.clientDataJSON),
                    attestationObject: e(c.response.attestationObject),
                    transports: c.response.getTransports ? c.response.getTransports() : []}}));
            """;

    static final String GET = BASE64URL + """
            if (o.allowCredentials) {
                o.allowCredentials = o.allowCredentials.map(c => Object.assign(c, {id: b(c.id)}));
            }
            return navigator.credentials.get({publicKey: o}).then(c => JSON.stringify({
                id: c.id, rawId: e(c.rawId), type: c.type, authenticatorAttachment: c.authenticatorAttachment,
                clientExtensionResults: c.getClientExtensionResults(),
                response: {clientDataJSON: e(c.response.clientDataJSON),
                    authenticatorData: e(c.response.authenticatorData), signature: e(c.response.signature),
                    userHandle: c.response.userHandle ? e(c.response.userHandle) : null}}));
            """;

    /** What the user reads when the browser gave no answer: cancelled, timed out, or no usable key. */
    static final String NO_ANSWER = "Your browser did not get an answer from a key: it was cancelled, it timed out, or"
            + " no key registered here was found. Try again.";

    private BrowserCredentials() {
    }

    static void create(Component on, Ceremony ceremony, SerializableConsumer<String> answer,
            SerializableConsumer<String> failed) {
        on.getElement().executeJs(CREATE, ceremony.options()).then(String.class, answer, failed);
    }

    static void get(Component on, Ceremony ceremony, SerializableConsumer<String> answer,
            SerializableConsumer<String> failed) {
        on.getElement().executeJs(GET, ceremony.options()).then(String.class, answer, failed);
    }

    /** The relying party for the current request. */
    static RelyingParty relyingParty(WebAuthnProperties properties) {
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        return RelyingParty.of(properties, request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** The client address of the current request; may be null. */
    static String address() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}
