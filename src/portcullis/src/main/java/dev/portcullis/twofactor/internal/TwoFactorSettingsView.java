package dev.portcullis.twofactor.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.admin.ui.MainLayout;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.i18n.Messages;

import jakarta.annotation.security.RolesAllowed;
import dev.portcullis.twofactor.SecondFactorMethod;

/**
 * A user's own two-factor settings: whether it is on, how many recovery codes are left, and the ways to set up a new
 * authenticator, make new recovery codes or turn it off. The last two need the password and a current code (or, to
 * make new recovery codes, an answer by one of the user's security keys).
 */
@Route(value = "two-factor/manage", layout = MainLayout.class)
@RolesAllowed("STAFF")
public class TwoFactorSettingsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TwoFactorService service;
    private final AdminPageTitles titles;
    private final String siteName;

    final Paragraph status = new Paragraph();
    final Button setUp = new Button();
    final Button newCodes = new Button(Messages.get("twofactor.settings.new-codes"));
    final Button turnOff = new Button(Messages.get("twofactor.settings.turn-off"));
    final Div result = new Div();
    /** Another method's section (security keys), when that feature is present. */
    final Div otherMethod = new Div();
    private final SecondFactorMethod method;

    /** The dialog asking for password and code, while open. */
    Dialog confirmation;
    PasswordField password;
    TextField code;
    Div problem;

    public TwoFactorSettingsView(TwoFactorService service, AdminPageTitles titles, AdminProperties admin) {
        this(service, titles, admin, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public TwoFactorSettingsView(TwoFactorService service, AdminPageTitles titles, AdminProperties admin,
            org.springframework.beans.factory.ObjectProvider<SecondFactorMethod> methods) {
        this.method = methods == null ? null : methods.getIfAvailable();
        this.service = service;
        this.titles = titles;
        this.siteName = admin.getSiteName();
        addClassName("pc-two-factor-settings");
        status.setId("two-factor-status");
        setUp.setId("two-factor-set-up");
        newCodes.setId("two-factor-new-codes");
        turnOff.setId("two-factor-turn-off");
        turnOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
        setUp.addClickListener(click -> UI.getCurrent().navigate(TwoFactorSetupView.class));
        newCodes.addClickListener(click -> ask(Messages.get("twofactor.settings.new-codes"),
                Messages.get("twofactor.settings.new-codes.consequence"), this::makeNewCodes, this::makeNewCodes));
        turnOff.addClickListener(click -> ask(Messages.get("twofactor.settings.turn-off.title"),
                Messages.get("twofactor.settings.turn-off.consequence"), this::disable, null));
        add(new H1(Messages.get("twofactor.title")), status, new HorizontalLayout(setUp, newCodes, turnOff), result, otherMethod);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        TwoFactorService.Status current = service.status(user().getUserId());
        otherMethod.removeAll();
        if (method != null) {
            otherMethod.add(method.settings(user().getUserId(), user().getUsername()));
        }
        if (!current.enabled() && method != null && method.registered(user().getUserId())) {
            status.setText(Messages.get("twofactor.settings.keys-only") + " "
                    + Messages.get("twofactor.codes-left", current.recoveryCodesLeft()) + " "
                    + Messages.get("twofactor.settings.add-app"));
            setUp.setText(Messages.get("twofactor.settings.add-app.button"));
            // Confirmed with the password and one of the keys (the service checks both).
            newCodes.setVisible(true);
            turnOff.setVisible(false);
            return;
        }
        if (current.enabled()) {
            String since = DateTimeFormatter.ofPattern(Messages.get("twofactor.date-format"), Messages.currentLocale())
                    .format(current.enabledAt().atOffset(ZoneOffset.UTC));
            status.setText((current.textMessages() ? Messages.get("twofactor.settings.on.text", since, current.phone())
                    : Messages.get("twofactor.settings.on.app", since)) + " "
                    + Messages.get("twofactor.codes-left", current.recoveryCodesLeft())
                    + (current.recoveryCodesLeft() < 3 ? " " + Messages.get("twofactor.settings.make-new-soon") : ""));
            setUp.setText(Messages.get("twofactor.settings.set-up-again"));
        } else {
            status.setText(Messages.get("twofactor.settings.off"));
            setUp.setText(Messages.get("twofactor.settings.set-up"));
            setUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        newCodes.setVisible(current.enabled());
        // Offered only when it is allowed; the service refuses it for a user it is required for either way.
        turnOff.setVisible(current.enabled() && !service.isRequiredFor(user()));
    }

    private void ask(String title, String consequence, Runnable action,
            java.util.function.Consumer<SecondFactorMethod.Answer> withKey) {
        confirmation = new Dialog();
        confirmation.setHeaderTitle(title);
        password = new PasswordField(Messages.get("twofactor.settings.password"));
        password.setId("confirm-password");
        code = new TextField(Messages.get("twofactor.code-from-app"));
        code.setId("confirm-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        problem = new Div();
        problem.addClassName("pc-problems");
        problem.getElement().setAttribute("role", "alert");
        Button go = new Button(title, click -> action.run());
        go.setId("confirm-two-factor-change");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(Messages.get("common.cancel"), click -> confirmation.close());
        VerticalLayout body = new VerticalLayout(new Paragraph(consequence), password, code, problem);
        long userId = user().getUserId();
        com.vaadin.flow.component.Component keyStep = withKey == null || method == null ? null
                : method.confirmStep(userId, withKey);
        if (keyStep != null) {
            // Keys alone: nothing to type a code from, so the key is the only way (besides the password).
            boolean app = service.status(userId).enabled();
            code.setVisible(app);
            go.setVisible(app);
            body.addComponentAtIndex(3, keyStep);
        }
        if (service.status(user().getUserId()).textMessages()) {
            code.setLabel(Messages.get("twofactor.settings.code-texted"));
            Button text = new Button(Messages.get("twofactor.send-text"), click -> {
                try {
                    service.sendSignInCode(user().getUserId());
                    problem.setText("");
                } catch (TwoFactorService.RefusedException refused) {
                    problem.setText(refused.getMessage());
                }
            });
            text.setId("confirm-send-sms");
            body.addComponentAtIndex(2, text);
        }
        confirmation.add(body);
        confirmation.getFooter().add(close, go);
        confirmation.open();
    }

    void makeNewCodes() {
        makeNewCodes(() -> service.regenerateRecoveryCodes(user().getUserId(), password.getValue(), code.getValue(),
                TwoFactorSetupView.address()));
    }

    /** With the password and an answer by one of the user's security keys, which the service checks. */
    void makeNewCodes(SecondFactorMethod.Answer key) {
        makeNewCodes(() -> service.regenerateRecoveryCodes(user().getUserId(), password.getValue(), key,
                TwoFactorSetupView.address()));
    }

    private void makeNewCodes(java.util.function.Supplier<List<String>> regenerate) {
        try {
            List<String> codes = regenerate.get();
            confirmation.close();
            result.removeAll();
            result.add(new H2(Messages.get("twofactor.settings.new-codes.title")), new RecoveryCodesPanel(siteName, user().getUsername(), codes));
            refresh();
        } catch (TwoFactorService.RefusedException refused) {
            refusedInDialog(refused);
        }
    }

    void disable() {
        try {
            service.disable(user().getUserId(), password.getValue(), code.getValue(), TwoFactorSetupView.address());
            confirmation.close();
            result.removeAll();
            refresh();
        } catch (TwoFactorService.RefusedException refused) {
            refusedInDialog(refused);
        }
    }

    private void refusedInDialog(TwoFactorService.RefusedException refused) {
        code.clear();
        problem.setText(refused.getMessage());
    }

    private static AdminPrincipal user() {
        return (AdminPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }

    @Override
    public String getPageTitle() {
        return titles.of(Messages.get("twofactor.title"));
    }
}
