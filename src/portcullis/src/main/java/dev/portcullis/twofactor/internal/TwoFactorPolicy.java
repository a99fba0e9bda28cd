package dev.portcullis.twofactor.internal;

import java.util.Optional;

import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.auth.SecondFactorPolicy;

/** After a correct password: a code for users with a second factor, the wizard for those who must have one. */
public final class TwoFactorPolicy implements SecondFactorPolicy {

    private final TwoFactorService service;

    public TwoFactorPolicy(TwoFactorService service) {
        this.service = service;
    }

    @Override
    public Optional<PendingSignIn.Step> requiredStep(AdminPrincipal user) {
        if (user.isTwoFactorEnabled()) {
            return Optional.of(PendingSignIn.Step.VERIFY);
        }
        return service.isRequiredFor(user) ? Optional.of(PendingSignIn.Step.ENROL) : Optional.empty();
    }
}
