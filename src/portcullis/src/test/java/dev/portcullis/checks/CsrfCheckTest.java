package dev.portcullis.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/** security.W056: a sign-in form without CSRF protection. */
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
}
