package dev.portcullis.twofactor.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.data.NotFoundException;
import dev.portcullis.admin.ui.MainLayout;
import dev.portcullis.auth.AdminUser;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.i18n.Messages;

import jakarta.annotation.security.RolesAllowed;

/**
 * An administrator removes another user's second factor, for a lost phone. Needs {@code user:change}, checked again
 * by the service; the user's sessions end and they are told by e-mail.
 */
@Route(value = "user-two-factor/:id", layout = MainLayout.class)
@RolesAllowed("STAFF")
public class TwoFactorResetView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TwoFactorService service;
    private final AdminUserService users;
    private final AdminPageTitles titles;

    final Button reset = new Button(Messages.get("twofactor.reset.title"));
    final Paragraph status = new Paragraph();
    long userId;

    public TwoFactorResetView(TwoFactorService service, AdminUserService users, AdminPageTitles titles) {
        this.service = service;
        this.users = users;
        this.titles = titles;
        reset.setId("reset-two-factor");
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        reset.addClickListener(click -> reset());
        status.setId("two-factor-status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        if (!AdminPermissions.grants(org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication(), "user:change")) {
            throw new org.springframework.security.access.AccessDeniedException("user:change needed");
        }
        AdminUser user;
        try {
            userId = Long.parseLong(id);
        } catch (NumberFormatException notAnId) {
            throw new NotFoundException(Messages.get("twofactor.reset.no-user", id));
        }
        // Refused alike for every id the user may not manage, before anything about the account is read.
        if (!users.maySetPassword(userId)) {
            throw new org.springframework.security.access.AccessDeniedException("may not manage user " + userId);
        }
        user = users.findById(userId).orElseThrow(() -> new NotFoundException(Messages.get("twofactor.reset.no-user", id)));
        removeAll();
        boolean enabled = service.isEnabled(userId);
        status.setText(enabled ? Messages.get("twofactor.reset.enabled", user.getUsername())
                : Messages.get("twofactor.reset.not-enabled", user.getUsername()));
        reset.setEnabled(enabled);
        add(new Anchor("user/" + userId, "← " + user.getUsername()), new H1(Messages.get("twofactor.reset.heading", user.getUsername())),
                status, reset);
    }

    void reset() {
        service.reset(userId);
        Notification.show(Messages.get("twofactor.reset.done"));
        UI.getCurrent().navigate("user/" + userId);
    }

    @Override
    public String getPageTitle() {
        return titles.of(Messages.get("twofactor.reset.title"));
    }
}
