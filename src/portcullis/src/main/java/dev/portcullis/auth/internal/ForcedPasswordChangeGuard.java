package dev.portcullis.auth.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.portcullis.auth.AdminPrincipal;

/**
 * Keeps a user who signed in with a generated password on the change-password view until they have chosen their
 * own. Runs on the server before every navigation, so no link, bookmark or typed URL gets past it.
 */
public class ForcedPasswordChangeGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AdminPrincipal principal
                && principal.isMustChangePassword()) {
            event.rerouteTo(ChangePasswordView.class);
        }
    }
}
