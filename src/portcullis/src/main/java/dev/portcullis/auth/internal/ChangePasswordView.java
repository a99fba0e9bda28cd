package dev.portcullis.auth.internal;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.environment.internal.EnvironmentBanner;
import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.password.PasswordPolicy;
import dev.portcullis.password.internal.PasswordStrengthMeter;

import jakarta.annotation.security.RolesAllowed;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.PasswordRejectedException;

/**
 * Lets the signed-in user choose a new password. Users with a generated password are kept here until they have
 * done so (see {@link ForcedPasswordChangeGuard}). The fields keep what was typed when the change is refused.
 */
@Route("change-password")
@RolesAllowed("STAFF")
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    public final PasswordField currentPassword = new PasswordField(Messages.get("password.change.current"));
    public final PasswordField newPassword = new PasswordField(Messages.get("password.change.new"));
    public final PasswordField confirmation = new PasswordField(Messages.get("password.change.repeat"));
    public final Button save = new Button(Messages.get("password.change.title"));
    public final Button cancel = new Button(Messages.get("common.cancel"));
    final Button signOut = new Button(Messages.get("common.sign-out"));
    public final UnorderedList problems = new UnorderedList();
    public final PasswordStrengthMeter meter;

    private final AdminUserService users;
    private final AdminPageTitles titles;

    public ChangePasswordView(AdminUserService users, PasswordPolicy policy, AuthenticationContext authContext,
            AdminPageTitles titles, EnvironmentInfo environment) {
        this.users = users;
        this.titles = titles;
        addClassName("pc-change-password");
        add(new EnvironmentBanner(environment));
        setAlignItems(Alignment.CENTER);

        AdminPrincipal principal = currentPrincipal();
        boolean forced = principal != null && principal.isMustChangePassword();

        Div card = new Div();
        card.addClassName("pc-card");
        card.add(new H1(Messages.get("password.change.title")));
        if (forced) {
            card.add(new Paragraph(Messages.get("password.change.forced")));
        }
        currentPassword.setId("current-password");
        newPassword.setId("new-password");
        confirmation.setId("confirm-password");
        save.setId("change-password");
        currentPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        newPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirmation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        newPassword.setHelperText(Messages.get("password.help", policy.minLength()));
        for (PasswordField field : new PasswordField[] {currentPassword, newPassword, confirmation}) {
            field.setRequired(true);
            field.setWidthFull();
        }
        meter = new PasswordStrengthMeter(newPassword, policy,
                () -> principal == null ? List.of() : users.userInputs(principal.getUsername()));
        // Save stays disabled while the policy refuses the password; the server checks again on save.
        meter.onChange(check -> save.setEnabled(check != null && check.accepted()));
        card.add(currentPassword, newPassword, meter, confirmation);
        problems.addClassName("pc-problems");
        problems.getElement().setAttribute("role", "alert");
        card.add(problems);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(click -> save());
        cancel.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(DashboardView.class)));
        cancel.setVisible(!forced);
        signOut.addClickListener(click -> authContext.logout());
        card.add(new HorizontalLayout(save, cancel, signOut));
        add(EnvironmentBanner.main(card));
    }

    public void save() {
        problems.removeAll();
        AdminPrincipal principal = currentPrincipal();
        if (principal == null) {
            return;
        }
        try {
            var session = com.vaadin.flow.server.VaadinSession.getCurrent();
            users.changeOwnPassword(principal, currentPassword.getValue(), newPassword.getValue(),
                    confirmation.getValue(), session == null ? null : session.getSession().getId());
        } catch (PasswordRejectedException rejected) {
            rejected.getProblems().forEach(problem -> problems.add(new ListItem(problem)));
            return;
        }
        Notification.show(Messages.get("password.change.done"), 4000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(DashboardView.class));
    }

    private static AdminPrincipal currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AdminPrincipal principal
                ? principal : null;
    }

    @Override
    public String getPageTitle() {
        return titles.of(Messages.get("password.change.title"));
    }
}
