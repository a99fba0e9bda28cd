package dev.portcullis.webauthn.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.i18n.Messages;
import dev.portcullis.auth.SignInAlternative;
import dev.portcullis.webauthn.WebAuthnProperties;

/**
 * "Sign in with a passkey" on the sign-in page ({@code portcullis.webauthn.passwordless=true}): a discoverable
 * passkey with user verification counts as both factors. Throttled, and finished like a password sign-in.
 */
public final class PasskeySignIn implements SignInAlternative {

    private static final Logger log = LoggerFactory.getLogger(PasskeySignIn.class);
    static String refusedAccount() {
        return Messages.get("webauthn.refused.account");
    }


    private final WebAuthnService service;
    private final WebAuthnProperties properties;
    private final SecondFactorSignIn signIn;
    private final UserDetailsService users;
    private final String adminPath;

    public PasskeySignIn(WebAuthnService service, WebAuthnProperties properties, SecondFactorSignIn signIn,
            UserDetailsService users, String adminPath) {
        this.service = service;
        this.properties = properties;
        this.signIn = signIn;
        this.users = users;
        this.adminPath = adminPath;
    }

    @Override
    public Component component() {
        Button start = new Button(Messages.get("webauthn.passkey.sign-in"));
        start.setId("webauthn-passkey-sign-in");
        Div problem = new Div();
        problem.setId("webauthn-passkey-problem");
        problem.addClassName("pc-problems");
        problem.getElement().setAttribute("role", "alert");
        start.addClickListener(click -> {
            problem.setText("");
            Ceremony ceremony = service.startPasswordless(BrowserCredentials.relyingParty(properties));
            BrowserCredentials.get(start, ceremony, answer -> {
                String address = BrowserCredentials.address();
                try {
                    String username = service.finishPasswordless(ceremony, answer, address);
                    signIn.completeWithPasskey(users.loadUserByUsername(username), address);
                    UI.getCurrent().getPage().setLocation(adminPath + "/");
                } catch (WebAuthnRefusedException refused) {
                    problem.setText(refused.getMessage());
                } catch (AuthenticationException notAllowed) {
                    log.info("Refused a passkey sign-in from {}: {}", address, notAllowed.getClass().getSimpleName());
                    problem.setText(refusedAccount());
                }
            }, failed -> problem.setText(BrowserCredentials.problem(failed, false)));
        });
        VerticalLayout layout = new VerticalLayout(start, problem);
        layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        layout.setPadding(false);
        return layout;
    }
}
