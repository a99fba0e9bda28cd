package dev.portcullis.twofactor;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;

import dev.portcullis.auth.internal.PendingSignIn;

/**
 * Another kind of second factor, such as security keys, that the two-factor pages offer beside the authenticator
 * app. The feature that provides it checks everything on the server; these pages only place its parts.
 */
public interface SecondFactorMethod {

    /** The choice offered in the setup wizard, such as "Security key or passkey". */
    String label();

    /** True when the user has one registered: the code step then offers it first. */
    boolean registered(long userId);

    /**
     * At the code step after the password: what lets the user answer with it. {@code verified} is called once the
     * server accepted the answer; the page then finishes the sign-in.
     */
    Component signInStep(PendingSignIn pending, Runnable verified);

    /**
     * In the setup wizard, in place of the authenticator app: registering one. {@code registered} receives the
     * recovery codes to show when this was the user's first second factor (else an empty list).
     */
    Component setupStep(long userId, String username, Consumer<List<String>> registered);

    /** This method's section of the user's two-factor settings page. */
    Component settings(long userId, String username);

    /**
     * In a dialog where the signed-in user proves who they are again (such as making new recovery codes): what lets
     * them answer with this method. {@code answered} receives the browser's answer; nothing is decided until the
     * server checks it with {@link Answer#confirms}. Null when the method offers no such check.
     */
    default Component confirmStep(long userId, Consumer<Answer> answered) {
        return null;
    }

    /** An answer from the browser to a check of this method, held on the server until it is used once. */
    interface Answer {
        /**
         * True when this is a valid answer by one of the user's own keys to a fresh challenge that was not answered
         * before; the challenge is spent either way. Counts nothing against the throttle: the caller does.
         */
        boolean confirms(long userId);
    }
}
