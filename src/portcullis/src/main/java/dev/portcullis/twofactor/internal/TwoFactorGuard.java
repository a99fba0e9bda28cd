package dev.portcullis.twofactor.internal;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.internal.LoginView;
import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.twofactor.TwoFactorProperties;

/**
 * Runs before every navigation. A sign-in waiting for its second factor reaches the code step (or, when it must set
 * one up, the wizard) and nothing else, and expires after its timeout. A signed-in user for whom two-factor sign-in
 * has become required is sent to the wizard, after any forced password change, so the two never send each other
 * round in a loop.
 */
public final class TwoFactorGuard implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(TwoFactorGuard.class);

    /** Query parameter the sign-in page shows a "sign-in timed out" message for. */
    static final String EXPIRED = "expired";

    private final SecondFactorSignIn signIn;
    private final TwoFactorService service;
    private final TwoFactorProperties properties;

    public TwoFactorGuard(SecondFactorSignIn signIn, TwoFactorService service, TwoFactorProperties properties) {
        this.signIn = signIn;
        this.service = service;
        this.properties = properties;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Class<?> target = event.getNavigationTarget();
        if (authentication instanceof PendingSignIn pending) {
            Duration timeout = pending.getStep() == PendingSignIn.Step.VERIFY
                    ? properties.getCodeStepTimeout() : properties.getSetupTimeout();
            if (signIn.expired(pending, timeout)) {
                log.info("The half-finished sign-in of '{}' expired", pending.getUsername());
                forget();
                event.rerouteTo("login", QueryParameters.simple(Map.of(EXPIRED, "")));
                return;
            }
            Class<? extends com.vaadin.flow.component.Component> allowed = pending.getStep() == PendingSignIn.Step.VERIFY
                    ? TwoFactorCodeView.class : TwoFactorSetupView.class;
            if (target != allowed) {
                event.rerouteTo(allowed);
            }
            return;
        }
        if (authentication != null && authentication.getPrincipal() instanceof AdminPrincipal user
                && !user.isMustChangePassword() && !user.isTwoFactorEnabled() && service.isRequiredFor(user)
                && target != TwoFactorSetupView.class && target != LoginView.class
                && !service.isEnabled(user.getUserId())) {
            event.rerouteTo(TwoFactorSetupView.class);
        }
    }

    /** Abandons the half-finished sign-in and sends the browser back to the sign-in page to start again. */
    static void startOver(String adminPath) {
        startOver(adminPath, false);
    }

    /** As {@link #startOver(String)}; {@code expired}: the sign-in page says the sign-in timed out. */
    static void startOver(String adminPath, boolean expired) {
        forget();
        com.vaadin.flow.component.UI.getCurrent().getPage()
                .setLocation(adminPath + "/login" + (expired ? "?" + EXPIRED : ""));
    }

    /** Drops the half-finished sign-in from the request and the HTTP session. */
    private static void forget() {
        SecurityContextHolder.clearContext();
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
    }
}
