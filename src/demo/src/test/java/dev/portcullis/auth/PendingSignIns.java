package dev.portcullis.auth;

import java.time.Instant;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import dev.portcullis.auth.internal.PendingSignIn;

/** Puts a sign-in that passed its password step into the security context, as the password step would. */
public final class PendingSignIns {

    public static final String ADDRESS = "203.0.113.5";

    private PendingSignIns() {
    }

    public static PendingSignIn signIn(UserDetailsService users, String username, PendingSignIn.Step step,
            Instant startedAt) {
        PendingSignIn pending = new PendingSignIn((AdminPrincipal) users.loadUserByUsername(username), step, startedAt,
                ADDRESS);
        SecurityContextHolder.getContext().setAuthentication(pending);
        return pending;
    }
}
