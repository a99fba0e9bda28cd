package dev.portcullis.checks;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * security.W056: a filter chain that accepts passwords from a browser form must also check CSRF tokens, or another
 * site can sign a user in (or out) behind their back.
 */
final class CsrfCheck {

    private CsrfCheck() {
    }

    static List<CheckMessage> run(List<SecurityFilterChain> chains) {
        List<CheckMessage> findings = new ArrayList<>();
        for (SecurityFilterChain chain : chains) {
            boolean formLogin = chain.getFilters().stream().anyMatch(UsernamePasswordAuthenticationFilter.class::isInstance);
            boolean csrf = chain.getFilters().stream().anyMatch(CsrfFilter.class::isInstance);
            if (formLogin && !csrf) {
                String matcher = chain instanceof DefaultSecurityFilterChain d ? d.getRequestMatcher().toString()
                        : chain.getClass().getSimpleName();
                findings.add(CheckMessage.warning("security.W056", matcher,
                        "CSRF protection is disabled on a filter chain with a sign-in form.",
                        "Remove http.csrf(csrf -> csrf.disable()); exempt only endpoints that take no cookies."));
            }
        }
        return findings;
    }
}
