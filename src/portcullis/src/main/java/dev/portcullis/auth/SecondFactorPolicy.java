package dev.portcullis.auth;

import java.util.Optional;
import dev.portcullis.auth.internal.PendingSignIn;

/**
 * Decides, after a correct password, whether the sign-in needs a second step. The two-factor feature provides it;
 * without such a bean every correct password signs in at once.
 */
@FunctionalInterface
public interface SecondFactorPolicy {

    /** The step this user still owes, or empty to sign them in now. */
    Optional<PendingSignIn.Step> requiredStep(AdminPrincipal user);
}
