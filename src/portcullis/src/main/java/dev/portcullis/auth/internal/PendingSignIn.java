package dev.portcullis.auth.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import dev.portcullis.auth.AdminPrincipal;

/**
 * A sign-in that passed the password step and still owes a second factor. It is what the security context holds in
 * between: its only authority is {@link #AUTHORITY}, so no admin view, service call or permission check accepts it,
 * and the two-factor feature's guard keeps its holder on the code step (or the setup wizard) until it is completed
 * or expires.
 */
public final class PendingSignIn extends AbstractAuthenticationToken {

    /** The single authority of a half-finished sign-in. */
    public static final String AUTHORITY = "ROLE_SIGN_IN_PENDING";

    /** What the user still has to do. */
    public enum Step {
        /** Enter a code from their authenticator (or a recovery code). */
        VERIFY,
        /** Set up a second factor first: it is required for them and they have none. */
        ENROL
    }

    private final AdminPrincipal user;
    private final Step step;
    private final Instant startedAt;
    private final String address;

    public PendingSignIn(AdminPrincipal user, Step step, Instant startedAt, String address) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.user = user;
        this.step = step;
        this.startedAt = startedAt;
        this.address = address;
        setAuthenticated(true);
    }

    /** The username, which is all the pending state reveals about the user to the rest of the application. */
    @Override
    public Object getPrincipal() {
        return user.getUsername();
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    public long getUserId() {
        return user.getUserId();
    }

    public String getUsername() {
        return user.getUsername();
    }

    public Step getStep() {
        return step;
    }

    /** When the password step succeeded. */
    public Instant getStartedAt() {
        return startedAt;
    }

    /** The client address of the password step; may be null. */
    public String getAddress() {
        return address;
    }

    AdminPrincipal user() {
        return user;
    }
}
