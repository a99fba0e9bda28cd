package dev.portcullis.webauthn.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinServletRequest;

import jakarta.servlet.http.HttpServletRequest;
import dev.portcullis.webauthn.WebAuthnProperties;
import dev.portcullis.i18n.Messages;

/**
 * The browser's half of a ceremony: the options from the server go to {@code navigator.credentials.create/get}
 * through Vaadin's {@code executeJs} (so there is no script file and no inline script for the CSP to allow), binary
 * values converted from and to base64url, and the answer comes back as JSON through the returned promise.
 */
final class BrowserCredentials {

    private static final String BASE64URL = """
            if (!window.PublicKeyCredential || !navigator.credentials) {
                return JSON.stringify({error: 'Unsupported'});
            }
            const b = s => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
            const e = a => btoa(String.fromCharCode(...new Uint8Array(a)))
                .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
            const o = JSON.parse($0);
            o.challenge = b(o.challenge);
            """;

    /**
     * A refusal by the browser becomes an answer naming its kind (the WebAuthn DOMException's name, such as
     * {@code NotAllowedError}), so the server can tell the user what happened in a sentence.
     */
    private static final String FAILED = "const FAILED = f => JSON.stringify({error: (f && f.name) || 'Error'});\n";

    static final String CREATE = FAILED + BASE64URL + """
            o.user.id = b(o.user.id);
            o.excludeCredentials = (o.excludeCredentials || []).map(c => Object.assign(c, {id: b(c.id)}));
            return navigator.credentials.create({publicKey: o}).then(c => JSON.stringify({
                id: c.id, rawId: e(c.rawId), type: c.type, authenticatorAttachment: c.authenticatorAttachment,
                clientExtensionResults: c.getClientExtensionResults(),
                response: {clientDataJSON: e(c.response.clientDataJSON),
                    attestationObject: e(c.response.attestationObject),
                    transports: c.response.getTransports ? c.response.getTransports() : []}}), FAILED);
            """;

    static final String GET = FAILED + BASE64URL + """
            if (o.allowCredentials) {
                o.allowCredentials = o.allowCredentials.map(c => Object.assign(c, {id: b(c.id)}));
            }
            return navigator.credentials.get({publicKey: o}).then(c => JSON.stringify({
                id: c.id, rawId: e(c.rawId), type: c.type, authenticatorAttachment: c.authenticatorAttachment,
                clientExtensionResults: c.getClientExtensionResults(),
                response: {clientDataJSON: e(c.response.clientDataJSON),
                    authenticatorData: e(c.response.authenticatorData), signature: e(c.response.signature),
                    userHandle: c.response.userHandle ? e(c.response.userHandle) : null}}), FAILED);
            """;

    /** What the browser says when it gives no answer, as the answer's start (a credential starts with its id). */
    private static final String ERROR_ANSWER = "{\"error\":";
    private static final Pattern ERROR_NAME = Pattern.compile("\\{\"error\":\"(\\w{1,40})\"}");

    /**
     * What the user reads when the browser gave no answer, for the browser's reason: the WebAuthn DOMException's
     * name ({@code NotAllowedError}: cancelled, timed out or no usable key; {@code InvalidStateError} when
     * registering a key that is registered already; ...), {@code Unsupported} without WebAuthn, or anything else.
     */
    static String problem(String reason, boolean registering) {
        String name = reason == null ? "" : reason;
        return switch (name) {
            case "AbortError" -> Messages.get("webauthn.browser.aborted");
            case "InvalidStateError" -> registering ? Messages.get("webauthn.browser.registered-already")
                    : Messages.get("webauthn.browser.no-answer");
            case "SecurityError" -> Messages.get("webauthn.browser.security");
            case "NotSupportedError" -> Messages.get("webauthn.browser.not-supported");
            case "ConstraintError" -> Messages.get("webauthn.browser.constraint");
            case "Unsupported" -> Messages.get("webauthn.browser.unsupported");
            default -> Messages.get("webauthn.browser.no-answer");
        };
    }

    /** The browser's reason in an answer that is a refusal, else null (a credential). */
    static String refusal(String answer) {
        if (answer == null || !answer.startsWith(ERROR_ANSWER)) {
            return null;
        }
        Matcher name = ERROR_NAME.matcher(answer);
        return name.matches() ? name.group(1) : "Error";
    }

    private BrowserCredentials() {
    }

    static void create(Component on, Ceremony ceremony, SerializableConsumer<String> answer,
            SerializableConsumer<String> failed) {
        on.getElement().executeJs(CREATE, ceremony.options()).then(String.class, split(answer, failed), failed);
    }

    static void get(Component on, Ceremony ceremony, SerializableConsumer<String> answer,
            SerializableConsumer<String> failed) {
        on.getElement().executeJs(GET, ceremony.options()).then(String.class, split(answer, failed), failed);
    }

    /** A credential goes to {@code answer}, a refusal's reason to {@code failed}. */
    private static SerializableConsumer<String> split(SerializableConsumer<String> answer,
            SerializableConsumer<String> failed) {
        return json -> {
            String reason = refusal(json);
            if (reason == null) {
                answer.accept(json);
            } else {
                failed.accept(reason);
            }
        };
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
