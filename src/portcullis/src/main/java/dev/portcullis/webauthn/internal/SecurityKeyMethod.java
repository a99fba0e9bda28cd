package dev.portcullis.webauthn.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.i18n.Messages;
import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.twofactor.SecondFactorMethod;
import dev.portcullis.webauthn.WebAuthnProperties;

/**
 * Security keys and passkeys on the two-factor pages: the button at the code step, the registration step of the
 * wizard, and the list of keys on the settings page. Every decision is the {@link WebAuthnService}'s.
 */
public final class SecurityKeyMethod implements SecondFactorMethod {

    private final WebAuthnService service;
    private final WebAuthnProperties properties;

    public SecurityKeyMethod(WebAuthnService service, WebAuthnProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public String label() {
        return Messages.get("webauthn.method");
    }

    @Override
    public boolean registered(long userId) {
        return service.hasKeys(userId);
    }

    @Override
    public Component signInStep(PendingSignIn pending, Runnable verified) {
        Button use = new Button(Messages.get("webauthn.use-key"));
        use.setId("webauthn-use-key");
        use.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div problem = problem("webauthn-sign-in-problem");
        use.addClickListener(click -> {
            problem.setText("");
            Ceremony ceremony = service.startSecondFactor(pending.getUserId(), BrowserCredentials.relyingParty(properties));
            BrowserCredentials.get(use, ceremony, answer -> {
                // The sign-in must still be this user's half-finished one when the answer arrives.
                PendingSignIn now = SecondFactorSignIn.current().orElse(null);
                if (now == null || now.getUserId() != pending.getUserId()) {
                    return;
                }
                try {
                    service.finishSecondFactor(ceremony, now.getUserId(), now.getUsername(), answer, now.getAddress());
                    verified.run();
                } catch (WebAuthnRefusedException refused) {
                    problem.setText(refused.getMessage());
                }
            }, failed -> problem.setText(BrowserCredentials.problem(failed, false)));
        });
        VerticalLayout step = new VerticalLayout(new Paragraph(Messages.get("webauthn.use-key.intro")), use, problem);
        step.setPadding(false);
        return step;
    }

    @Override
    public Component setupStep(long userId, String username, Consumer<List<String>> registered) {
        TextField name = new TextField(Messages.get("webauthn.register.name"));
        name.setId("webauthn-key-name");
        name.setPlaceholder(Messages.get("webauthn.register.name.placeholder"));
        name.setMaxLength(64);
        name.setHelperText(Messages.get("webauthn.register.name.help"));
        Button register = new Button(Messages.get("webauthn.register"));
        register.setId("webauthn-register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div problem = problem("webauthn-register-problem");
        register.addClickListener(click -> {
            problem.setText("");
            Ceremony ceremony;
            try {
                ceremony = service.startRegistration(userId, username, BrowserCredentials.relyingParty(properties));
            } catch (WebAuthnRefusedException refused) {
                problem.setText(refused.getMessage());
                return;
            }
            BrowserCredentials.create(register, ceremony, answer -> {
                try {
                    WebAuthnService.Registered done = service.finishRegistration(ceremony, userId, answer,
                            name.getValue());
                    registered.accept(done.recoveryCodes());
                } catch (WebAuthnRefusedException refused) {
                    problem.setText(refused.getMessage());
                }
            }, failed -> problem.setText(BrowserCredentials.problem(failed, true)));
        });
        VerticalLayout step = new VerticalLayout(new Paragraph(Messages.get("webauthn.register.intro")), name, register,
                problem);
        step.setPadding(false);
        return step;
    }

    @Override
    public Component settings(long userId, String username) {
        VerticalLayout section = new VerticalLayout();
        section.setId("webauthn-keys");
        section.setPadding(false);
        fill(section, userId, username);
        return section;
    }

    private void fill(VerticalLayout section, long userId, String username) {
        section.removeAll();
        section.add(new H3(Messages.get("webauthn.keys.title")));
        List<WebAuthnService.Key> keys = service.keys(userId);
        if (keys.isEmpty()) {
            section.add(new Paragraph(Messages.get("webauthn.keys.none")));
        } else if (keys.size() == 1) {
            section.add(new Paragraph(Messages.get("webauthn.keys.one")));
        }
        int row = 0;
        for (WebAuthnService.Key key : keys) {
            Span name = new Span(key.name());
            name.addClassName("pc-key-name");
            Span details = new Span(Messages.get("webauthn.keys.details",
                    key.passkey() ? Messages.get("webauthn.keys.passkey") : Messages.get("webauthn.keys.security-key"),
                    date(key.createdAt()),
                    key.lastUsedAt() == null ? Messages.get("webauthn.keys.never") : date(key.lastUsedAt()))
                    + (key.transports().isEmpty() ? "" : " · " + String.join(", ", key.transports())));
            Button rename = new Button(Messages.get("webauthn.keys.rename"), click -> rename(section, userId, username, key));
            rename.setId("webauthn-rename-" + row);
            Button remove = new Button(Messages.get("webauthn.keys.remove"), click -> remove(section, userId, username, key));
            remove.setId("webauthn-remove-" + row);
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            HorizontalLayout line = new HorizontalLayout(name, details, rename, remove);
            line.setId("webauthn-key-" + row);
            line.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
            if (key.cloneWarning()) {
                Span warning = new Span(Messages.get("webauthn.keys.clone-warning"));
                warning.addClassName("pc-warning");
                line.add(warning);
            }
            section.add(line);
            row++;
        }
        Button add = new Button(Messages.get("webauthn.keys.add"), click -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(Messages.get("webauthn.keys.add"));
            dialog.add(setupStep(userId, username, codes -> {
                dialog.close();
                fill(section, userId, username);
            }));
            dialog.getFooter().add(new Button(Messages.get("common.cancel"), close -> dialog.close()));
            dialog.open();
        });
        add.setId("webauthn-add");
        section.add(add);
    }

    private void rename(VerticalLayout section, long userId, String username, WebAuthnService.Key key) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Messages.get("webauthn.rename.title"));
        TextField name = new TextField(Messages.get("webauthn.rename.name"));
        name.setId("webauthn-new-name");
        name.setValue(key.name());
        name.setMaxLength(64);
        Div problem = problem("webauthn-rename-problem");
        Button save = new Button(Messages.get("common.save"), click -> {
            try {
                service.rename(userId, key.id(), name.getValue());
                dialog.close();
                fill(section, userId, username);
            } catch (WebAuthnRefusedException refused) {
                problem.setText(refused.getMessage());
            }
        });
        save.setId("webauthn-save-name");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, problem));
        dialog.getFooter().add(new Button(Messages.get("common.cancel"), close -> dialog.close()), save);
        dialog.open();
    }

    private void remove(VerticalLayout section, long userId, String username, WebAuthnService.Key key) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Messages.get("webauthn.remove.title", key.name()));
        PasswordField password = new PasswordField(Messages.get("webauthn.remove.password"));
        password.setId("webauthn-remove-password");
        TextField code = new TextField(Messages.get("webauthn.remove.code"));
        code.setId("webauthn-remove-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        Div problem = problem("webauthn-remove-problem");
        // The service checks the password and the factor; these buttons only gather them.
        Consumer<WebAuthnService.Factor> removeWith = factor -> {
            try {
                service.remove(userId, key.id(), password.getValue(), factor, BrowserCredentials.address());
                dialog.close();
                fill(section, userId, username);
            } catch (WebAuthnRefusedException refused) {
                password.clear();
                code.clear();
                problem.setText(refused.getMessage());
            }
        };
        Button confirm = new Button(Messages.get("webauthn.remove.confirm"), click -> {
            problem.setText("");
            removeWith.accept(WebAuthnService.Factor.code(code.getValue()));
        });
        confirm.setId("webauthn-confirm-remove");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button withKey = new Button(Messages.get("webauthn.remove.with-key"));
        withKey.setId("webauthn-remove-with-key");
        withKey.addClickListener(click -> {
            problem.setText("");
            Ceremony ceremony = service.startSecondFactor(userId, BrowserCredentials.relyingParty(properties));
            BrowserCredentials.get(withKey, ceremony, answer -> removeWith.accept(WebAuthnService.Factor.key(ceremony,
                    answer)), failed -> problem.setText(BrowserCredentials.problem(failed, false)));
        });
        dialog.add(new VerticalLayout(new Paragraph(Messages.get("webauthn.remove.intro")), password, code, withKey,
                problem));
        dialog.getFooter().add(new Button(Messages.get("common.cancel"), close -> dialog.close()), confirm);
        dialog.open();
    }

    @Override
    public Component confirmStep(long userId, Consumer<Answer> answered) {
        if (!service.hasKeys(userId)) {
            return null;
        }
        Button use = new Button(Messages.get("webauthn.confirm-with-key"));
        use.setId("webauthn-confirm-key");
        Div problem = problem("webauthn-confirm-problem");
        use.addClickListener(click -> {
            problem.setText("");
            Ceremony ceremony = service.startSecondFactor(userId, BrowserCredentials.relyingParty(properties));
            BrowserCredentials.get(use, ceremony, answer -> answered.accept(answer(service, ceremony, answer)),
                    failed -> problem.setText(BrowserCredentials.problem(failed, false)));
        });
        VerticalLayout step = new VerticalLayout(use, problem);
        step.setPadding(false);
        return step;
    }

    /** The browser's answer to {@code ceremony}, checked by the service once, when the two-factor feature uses it. */
    static Answer answer(WebAuthnService service, Ceremony ceremony, String answer) {
        return userId -> service.keyConfirms(ceremony, userId, answer);
    }

    private static Div problem(String id) {
        Div problem = new Div();
        problem.setId(id);
        problem.addClassName("pc-problems");
        problem.getElement().setAttribute("role", "alert");
        return problem;
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ofPattern(Messages.get("webauthn.keys.date-format"), Messages.currentLocale())
                .format(instant.atOffset(ZoneOffset.UTC));
    }
}
