package dev.portcullis.auth.internal;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.SecondFactorPolicy;

/**
 * Puts the sign-in throttle in front of the password check: every attempt takes a slot from the throttle before its
 * password is evaluated, so a locked (or full) username or address is refused unseen, and no number of parallel
 * attempts gets more passwords evaluated than the limit. A right password gives its slot back.
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingAuthenticationProvider.class);

    private final AuthenticationProvider passwords;
    private final LoginThrottleService throttle;
    private final SecondFactorPolicy secondFactor;
    private final Clock clock;

    public ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottleService throttle,
            SecondFactorPolicy secondFactor, Clock clock) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        LoginThrottleService.Attempt slot = reserve(username, address);
        if (!slot.allowed()) {
            throw new LockedException("Too many failed sign-ins; refused until " + slot.decision().retryAfter());
        }
        boolean passed = false;
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            passed = true;
            if (authenticated.getPrincipal() instanceof AdminPrincipal user) {
                Optional<PendingSignIn.Step> step = secondFactor.requiredStep(user);
                if (step.isPresent()) {
                    // The slot is given back but the failure count stays as it is until the second step succeeds,
                    // so a known password does not buy fresh code attempts.
                    throttle.passed(slot);
                    return new PendingSignIn(user, step.get(), clock.instant(), address);
                }
            }
            throttle.succeeded(slot);
            return authenticated;
        } finally {
            if (!passed) {
                // Whatever went wrong (a wrong password, an unknown or disabled account), the slot stays spent.
                failed(slot);
            }
        }
    }

    /** A slot for this attempt; refused when the counters' rows cannot be locked in time (H2's lock timeout). */
    private LoginThrottleService.Attempt reserve(String username, String address) {
        try {
            return throttle.reserve(username, address);
        } catch (PessimisticLockingFailureException | jakarta.persistence.PessimisticLockException
                | jakarta.persistence.LockTimeoutException busy) {
            log.warn("Refused a sign-in attempt at '{}' from {}: its counters were busy", username, address);
            return new LoginThrottleService.Attempt(username, address,
                    new LoginThrottleService.Decision(false, clock.instant()));
        }
    }

    /**
     * Applies a lock the failure has made due. If that cannot be done now the slot is still spent, and the next
     * attempt locks the counter once it has waited longer than any evaluation takes.
     */
    private void failed(LoginThrottleService.Attempt slot) {
        try {
            throttle.failed(slot);
        } catch (RuntimeException busy) {
            log.warn("Could not apply a due sign-in lock for '{}' from {} now: {}", slot.username(), slot.address(),
                    busy.getClass().getSimpleName());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
