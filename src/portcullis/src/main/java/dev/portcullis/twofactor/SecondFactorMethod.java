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
}
