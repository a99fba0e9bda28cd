package dev.portcullis.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import dev.portcullis.checks.CheckMessage;

/** security.W056, W060: a sign-in form without CSRF protection, or exempt from it. */
class CsrfCheckTest {

    @Test
    void aFormLoginWithoutCsrfIsReported() {
        var chain = new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE, new UsernamePasswordAuthenticationFilter());
        assertThat(CsrfCheck.run(List.of(chain))).extracting(CheckMessage::id).containsExactly("security.W056");
    }

    @Test
    void aFormLoginWithCsrfOrAChainWithoutFormPasses() {
        var protectedForm = new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE,
                new CsrfFilter(new HttpSessionCsrfTokenRepository()), new UsernamePasswordAuthenticationFilter());
        var api = new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE);
        assertThat(CsrfCheck.run(List.of(protectedForm, api))).isEmpty();
    }

    @Test
    void aSignInFormExemptFromCsrfChecksIsReported() {
        // What Vaadin's security configurer does to its login view unless told otherwise.
        CsrfFilter exempting = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        exempting.setRequireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
                new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/console/login"))));
        var chain = new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher("/console/**"),
                exempting, new UsernamePasswordAuthenticationFilter());

        assertThat(CsrfCheck.run(List.of(chain), List.of("/console/login", "/login")))
                .extracting(CheckMessage::id, CheckMessage::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("security.W060", "/console/login"));
    }

    @Test
    void aSignInFormThatChecksItsTokenPasses() {
        var chain = new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher("/console/**"),
                new CsrfFilter(new HttpSessionCsrfTokenRepository()), new UsernamePasswordAuthenticationFilter());
        assertThat(CsrfCheck.run(List.of(chain), List.of("/console/login", "/login"))).isEmpty();
    }
}
