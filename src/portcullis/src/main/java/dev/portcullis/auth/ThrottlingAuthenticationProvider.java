package dev.portcullis.auth;

import java.time.Clock;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the sign-in throttle in front of the password check: a locked username or address is refused before its
 * password is evaluated, and every failure and success is counted.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottleService throttle;
    private final SecondFactorPolicy secondFactor;
    private final Clock clock;

    ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottleService throttle,
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
        LoginThrottleService.Decision decision = throttle.check(username, address);
        if (!decision.allowed()) {
            throw new LockedException("Too many failed sign-ins; refused until " + decision.retryAfter());
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            if (authenticated.getPrincipal() instanceof AdminPrincipal user) {
                Optional<PendingSignIn.Step> step = secondFactor.requiredStep(user);
                if (step.isPresent()) {
                    // The failure count stays as it is until the second step succeeds, so a known password does
                    // not buy fresh code attempts.
                    return new PendingSignIn(user, step.get(), clock.instant(), address);
                }
            }
            throttle.recordSuccess(username);
            return authenticated;
        } catch (BadCredentialsException failed) {
            throttle.recordFailure(username, address);
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
