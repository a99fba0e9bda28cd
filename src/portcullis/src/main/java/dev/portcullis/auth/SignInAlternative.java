package dev.portcullis.auth;

import com.vaadin.flow.component.Component;
import dev.portcullis.auth.internal.SecondFactorSignIn;

/**
 * Another way to sign in, shown on the sign-in page under the password form (such as a passkey). The feature that
 * provides it checks everything on the server and finishes the sign-in through {@link SecondFactorSignIn}.
 */
@FunctionalInterface
public interface SignInAlternative {

    /** What the sign-in page shows for it; a new component each time the page is built. */
    Component component();
}
