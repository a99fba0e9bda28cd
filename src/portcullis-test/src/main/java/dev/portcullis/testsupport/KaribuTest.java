package dev.portcullis.testsupport;

import java.security.Principal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;

import kotlin.jvm.functions.Function0;

/**
 * Base for Vaadin view tests with Karibu-Testing: the real Spring context and the real views, driven on the
 * server without a browser. {@link #signInAs(String)} signs a database user in the way the login form would.
 */
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.portcullis");

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected UserDetailsService userDetailsService;

    /** The language the mock browser asks for; null for the fake request's default. */
    private java.util.Locale browserLocale;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setMockRequestFactory(session -> new FakeRequest(session) {
            @Override
            public java.util.Locale getLocale() {
                return browserLocale != null ? browserLocale : super.getLocale();
            }

            @Override
            public Principal getUserPrincipal() {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                return authentication == null || authentication instanceof AnonymousAuthenticationToken
                        ? null : authentication;
            }

            @Override
            public boolean isUserInRole(String role) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                return authentication != null && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
            }
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    /**
     * Opens a new UI (as a new page or a reload would) in a browser asking for {@code locale}, for the signed-in
     * user: what the UI's init does (its locale, for one) runs again.
     */
    protected void openNewUi(java.util.Locale locale) {
        MockVaadin.tearDown();
        browserLocale = locale;
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        browserLocale = null;
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        MockVaadin.setMockRequestFactory(FakeRequest::new);
    }

    /** Signs in a user from the database, with the authorities the real sign-in would grant. */
    protected void signInAs(String username) {
        var principal = userDetailsService.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    protected void signOut() {
        SecurityContextHolder.getContext().setAuthentication(
                new AnonymousAuthenticationToken("key", "anonymous",
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
    }
}
