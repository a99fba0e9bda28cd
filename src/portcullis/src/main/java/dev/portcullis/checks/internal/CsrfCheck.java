package dev.portcullis.checks.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import dev.portcullis.checks.CheckMessage;

/**
 * security.W056: a filter chain that accepts passwords from a browser form must also check CSRF tokens, or another
 * site can sign a user in (or out) behind their back. security.W060: the chain checks them, but not on the sign-in
 * form itself (an exemption, as Vaadin's security configurer makes for its login view by default).
 */
public final class CsrfCheck {

    private CsrfCheck() {
    }

    public static List<CheckMessage> run(List<SecurityFilterChain> chains) {
        return run(chains, List.of());
    }

    /**
     * @param signInPaths where sign-in forms post to (the admin's, Spring's default {@code /login}); each one a chain
     *        serves is probed for a CSRF exemption
     */
    public static List<CheckMessage> run(List<SecurityFilterChain> chains, List<String> signInPaths) {
        List<CheckMessage> findings = new ArrayList<>();
        for (SecurityFilterChain chain : chains) {
            boolean formLogin = chain.getFilters().stream().anyMatch(UsernamePasswordAuthenticationFilter.class::isInstance);
            CsrfFilter csrf = chain.getFilters().stream().filter(CsrfFilter.class::isInstance).map(CsrfFilter.class::cast)
                    .findFirst().orElse(null);
            String matcher = chain instanceof DefaultSecurityFilterChain d ? d.getRequestMatcher().toString()
                    : chain.getClass().getSimpleName();
            if (formLogin && csrf != null) {
                for (String path : signInPaths) {
                    if (serves(chain, path) && SignInCsrfProbe.letsThrough(csrf, path)) {
                        findings.add(CheckMessage.warning("security.W060", path,
                                "The sign-in form at " + path + " is exempt from CSRF checks: any web page can sign a"
                                        + " visitor's browser in, or drive password guesses through it.",
                                "Remove the exemption (with Vaadin: .enableCsrfConfiguration(false) and exempt only"
                                        + " Vaadin's own requests), and let the form send the page's _csrf token."));
                    }
                }
            }
            if (formLogin && csrf == null) {
                findings.add(CheckMessage.warning("security.W056", matcher,
                        "CSRF protection is disabled on a filter chain with a sign-in form.",
                        "Remove http.csrf(csrf -> csrf.disable()); exempt only endpoints that take no cookies."));
            }
        }
        return findings;
    }

    private static boolean serves(SecurityFilterChain chain, String path) {
        try {
            return chain.matches(SignInCsrfProbe.post(path));
        } catch (RuntimeException unknown) {
            return false;
        }
    }
}
