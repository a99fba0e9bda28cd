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
import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.twofactor.SecondFactorMethod;
import dev.portcullis.webauthn.WebAuthnProperties;

/**
 * Security keys and passkeys on the two-factor pages: the button at the code step, the registration step of the
 * wizard, and the list of keys on the settings page. Every decision is the {@link WebAuthnService}'s.
 */
public final class SecurityKeyMethod implements SecondFactorMethod {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final WebAuthnService service;
    private final WebAuthnProperties properties;

    public SecurityKeyMethod(WebAuthnService service, WebAuthnProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public String label() {
        return "Security key or passkey (safest)";
    }

    @Override
    public boolean registered(long userId) {
        return service.hasKeys(userId);
    }

    @Override
    public Component signInStep(PendingSignIn pending, Runnable verified) {
        Button use = new Button("Use your security key");
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
            }, failed -> problem.setText(BrowserCredentials.NO_ANSWER));
        });
        VerticalLayout step = new VerticalLayout(new Paragraph("Insert or touch your security key, or use your"
                + " device's passkey, when your browser asks."), use, problem);
        step.setPadding(false);
        return step;
    }

    @Override
    public Component setupStep(long userId, String username, Consumer<List<String>> registered) {
        TextField name = new TextField("Name of this key");
        name.setId("webauthn-key-name");
        name.setPlaceholder("YubiKey 5C");
        name.setMaxLength(64);
        name.setHelperText("So you can tell your keys apart later.");
        Button register = new Button("Register key");
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
            }, failed -> problem.setText(BrowserCredentials.NO_ANSWER));
        });
        VerticalLayout step = new VerticalLayout(new Paragraph("A security key (such as a YubiKey) or a passkey on"
                + " this device (fingerprint, face or PIN) cannot be phished: it answers only this site. Name it,"
                + " press Register key and follow your browser. Register two if you can, and keep one in a safe"
                + " place."), name, register, problem);
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
        section.add(new H3("Security keys and passkeys"));
        List<WebAuthnService.Key> keys = service.keys(userId);
        if (keys.isEmpty()) {
            section.add(new Paragraph("None registered. A security key or passkey is the safest second factor: it"
                    + " cannot be phished."));
        } else if (keys.size() == 1) {
            section.add(new Paragraph("Register a second key too, and keep it somewhere safe, in case you lose this one."));
        }
        int row = 0;
        for (WebAuthnService.Key key : keys) {
            Span name = new Span(key.name());
            name.addClassName("pc-key-name");
            Span details = new Span((key.passkey() ? "Passkey" : "Security key") + " · added " + date(key.createdAt())
                    + " · last used " + (key.lastUsedAt() == null ? "never" : date(key.lastUsedAt()))
                    + (key.transports().isEmpty() ? "" : " · " + String.join(", ", key.transports())));
            Button rename = new Button("Rename", click -> rename(section, userId, username, key));
            rename.setId("webauthn-rename-" + row);
            Button remove = new Button("Remove", click -> remove(section, userId, username, key));
            remove.setId("webauthn-remove-" + row);
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            HorizontalLayout line = new HorizontalLayout(name, details, rename, remove);
            line.setId("webauthn-key-" + row);
            line.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
            if (key.cloneWarning()) {
                Span warning = new Span("Refused once: its signature counter went backwards, as a copied key's does.");
                warning.addClassName("pc-warning");
                line.add(warning);
            }
            section.add(line);
            row++;
        }
        Button add = new Button("Add a security key", click -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle("Add a security key");
            dialog.add(setupStep(userId, username, codes -> {
                dialog.close();
                fill(section, userId, username);
            }));
            dialog.getFooter().add(new Button("Cancel", close -> dialog.close()));
            dialog.open();
        });
        add.setId("webauthn-add");
        section.add(add);
    }

    private void rename(VerticalLayout section, long userId, String username, WebAuthnService.Key key) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename key");
        TextField name = new TextField("Name");
        name.setId("webauthn-new-name");
        name.setValue(key.name());
        name.setMaxLength(64);
        Div problem = problem("webauthn-rename-problem");
        Button save = new Button("Save", click -> {
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
        dialog.getFooter().add(new Button("Cancel", close -> dialog.close()), save);
        dialog.open();
    }

    private void remove(VerticalLayout section, long userId, String username, WebAuthnService.Key key) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Remove " + key.name());
        PasswordField password = new PasswordField("Your password");
        password.setId("webauthn-remove-password");
        TextField code = new TextField("Code from your app, or a recovery code");
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
        Button confirm = new Button("Remove key", click -> {
            problem.setText("");
            removeWith.accept(WebAuthnService.Factor.code(code.getValue()));
        });
        confirm.setId("webauthn-confirm-remove");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button withKey = new Button("Confirm with a security key and remove");
        withKey.setId("webauthn-remove-with-key");
        withKey.addClickListener(click -> {
            problem.setText("");
            Ceremony ceremony = service.startSecondFactor(userId, BrowserCredentials.relyingParty(properties));
            BrowserCredentials.get(withKey, ceremony, answer -> removeWith.accept(WebAuthnService.Factor.key(ceremony,
                    answer)), failed -> problem.setText(BrowserCredentials.NO_ANSWER));
        });
        dialog.add(new VerticalLayout(new Paragraph("The key will no longer sign you in. Confirm with your password"
                + " and a current second factor: a code from your authenticator app, a recovery code, or one of your"
                + " keys (it may be this one)."), password, code, withKey, problem));
        dialog.getFooter().add(new Button("Cancel", close -> dialog.close()), confirm);
        dialog.open();
    }

    @Override
    public Component confirmStep(long userId, Consumer<Answer> answered) {
        if (!service.hasKeys(userId)) {
            return null;
        }
        Button use = new Button("Confirm with your security key");
        use.setId("webauthn-confirm-key");
        Div problem = problem("webauthn-confirm-problem");
        use.addClickListener(click -> {
            problem.setText("");
            Ceremony ceremony = service.startSecondFactor(userId, BrowserCredentials.relyingParty(properties));
            BrowserCredentials.get(use, ceremony, answer -> answered.accept(answer(service, ceremony, answer)),
                    failed -> problem.setText(BrowserCredentials.NO_ANSWER));
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
        return DATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
