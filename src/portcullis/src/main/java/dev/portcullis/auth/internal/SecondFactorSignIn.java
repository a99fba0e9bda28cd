package dev.portcullis.auth.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import dev.portcullis.auth.AdminPrincipal;

/**
 * The second step of a sign-in, seen from the sign-in side: code attempts count against the same throttle as
 * passwords, and a completed step replaces the {@link PendingSignIn} with the user's full authentication.
 */
public class SecondFactorSignIn {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecondFactorSignIn.class);

    private final LoginThrottleService throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public SecondFactorSignIn(LoginThrottleService throttle, ApplicationEventPublisher events, Clock clock) {
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    /** The half-finished sign-in of the current request, if that is what it holds. */
    public static java.util.Optional<PendingSignIn> current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof PendingSignIn pending
                ? java.util.Optional.of(pending) : java.util.Optional.empty();
    }

    /** True when the pending sign-in is older than {@code timeout}: it may no longer be finished. */
    public boolean expired(PendingSignIn pending, Duration timeout) {
        return pending.getStartedAt().plus(timeout).isBefore(clock.instant());
    }

    /** Whether another code may be tried now; refused while the username or address is locked. */
    public LoginThrottleService.Decision mayTry(PendingSignIn pending) {
        return throttle.check(pending.getUsername(), pending.getAddress());
    }

    /** Counts a wrong or replayed code as a failed sign-in. */
    public void failed(PendingSignIn pending) {
        throttle.recordFailure(pending.getUsername(), pending.getAddress());
    }

    /** Thrown when a sign-in is to be finished after its time was up; the caller starts the sign-in over. */
    public static final class ExpiredException extends RuntimeException {

        ExpiredException(String username) {
            super("The half-finished sign-in of '" + username + "' expired");
        }
    }

    /**
     * Signs in a user who proved both factors at once, with a passkey and user verification (PIN, fingerprint or
     * face) instead of a password: the same account checks as the password step (a locked, disabled or expired
     * account is refused), then the same finish as {@link #complete}: a new session id, the throttle told, the
     * sign-in recorded. Call from a Vaadin request.
     *
     * @throws org.springframework.security.core.AuthenticationException when the account may not sign in
     */
    public Authentication completeWithPasskey(org.springframework.security.core.userdetails.UserDetails user,
            String address) {
        new org.springframework.security.authentication.AccountStatusUserDetailsChecker().check(user);
        if (!(user instanceof AdminPrincipal principal)) {
            throw new org.springframework.security.authentication.BadCredentialsException("Not an admin user");
        }
        log.info("User '{}' signed in with a passkey from {}", principal.getUsername(), address);
        return complete(new PendingSignIn(principal, PendingSignIn.Step.VERIFY, clock.instant(), address),
                Duration.ofMinutes(1));
    }

    /**
     * Finishes the sign-in: the user's full authentication goes into the security context and the HTTP session, the
     * session gets a new id, the throttle forgets earlier failures, and the sign-in is recorded. Call from a Vaadin
     * request.
     *
     * @param timeout how long the step may take from the password ({@code portcullis.two-factor.*-timeout}); checked
     *     here, where the sign-in is finished, and not only when the user navigates
     * @throws ExpiredException when the step took longer; nothing is changed
     */
    public Authentication complete(PendingSignIn pending, Duration timeout) {
        if (expired(pending, timeout)) {
            log.info("Refused to finish the sign-in of '{}': the step after the password took longer than {}",
                    pending.getUsername(), timeout);
            throw new ExpiredException(pending.getUsername());
        }
        Authentication full = UsernamePasswordAuthenticationToken.authenticated(pending.user(), null,
                pending.user().getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            // A new session id for the new privilege, as at the password step.
            if (request.getHttpServletRequest().getSession(false) != null) {
                request.getHttpServletRequest().changeSessionId();
            }
            new HttpSessionSecurityContextRepository().saveContext(context, request.getHttpServletRequest(),
                    response.getHttpServletResponse());
        }
        throttle.recordSuccess(pending.getUsername(), pending.getAddress());
        events.publishEvent(new AuthenticationSuccessEvent(full));
        return full;
    }
}
