package dev.portcullis.twofactor.internal;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.environment.internal.EnvironmentBanner;
import dev.portcullis.environment.internal.EnvironmentInfo;

import jakarta.annotation.security.PermitAll;
import dev.portcullis.twofactor.SecondFactorMethod;

/**
 * The second step of signing in: a code from the authenticator app, or a recovery code. Only a sign-in that passed
 * its password reaches this page (the guard sends it nowhere else), and only a correct, unused code finishes it.
 */
@Route("two-factor")
@PermitAll
public class TwoFactorCodeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String WRONG = "That code is not right. Enter the code your app shows now, or a recovery code.";
    public static final String REPLAYED = "That code was used already. Wait for your app to show the next one and enter it.";
    static final String THROTTLED = "Too many failed attempts. Sign-in is paused for a while; try again later, or"
            + " ask an administrator to lift the lock.";

    private final TwoFactorService service;
    private final SecondFactorSignIn signIn;
    private final AdminPageTitles titles;
    private final String adminPath;

    public final TextField code = new TextField("Code");
    public final Button verify = new Button("Verify");
    final Button cancel = new Button("Cancel");
    public final Div message = new Div();
    public final VerticalLayout done = new VerticalLayout();
    public final Button sendText = new Button("Text me a code");
    public final Paragraph instruction = new Paragraph("Enter the code from your authenticator app.");
    /** Another method's step (a security key), offered first when the user has one. */
    public final Div otherMethod = new Div();
    private final SecondFactorMethod method;

    public TwoFactorCodeView(TwoFactorService service, SecondFactorSignIn signIn, AdminProperties admin,
            AdminPageTitles titles, EnvironmentInfo environment) {
        this(service, signIn, admin, titles, environment, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public TwoFactorCodeView(TwoFactorService service, SecondFactorSignIn signIn, AdminProperties admin,
            AdminPageTitles titles, EnvironmentInfo environment,
            org.springframework.beans.factory.ObjectProvider<SecondFactorMethod> methods) {
        this.method = methods == null ? null : methods.getIfAvailable();
        this.service = service;
        this.signIn = signIn;
        this.titles = titles;
        this.adminPath = admin.getPath();
        addClassName("pc-two-factor");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        add(new EnvironmentBanner(environment));
        H1 title = new H1(admin.getSiteName());
        title.addClassName("pc-login-title");

        code.setId("two-factor-code");
        code.setWidth("16rem");
        code.setAutofocus(true);
        code.setMaxLength(20);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "text");
        code.setHelperText("6 digits from your app, or a recovery code such as 7K3QX-9MDPA");
        verify.setId("two-factor-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        verify.addClickListener(click -> verify());
        cancel.setId("two-factor-cancel");
        cancel.addClickListener(click -> cancel());
        message.addClassName("pc-problems");
        message.getElement().setAttribute("role", "alert");
        done.setVisible(false);
        done.setPadding(false);

        sendText.setId("two-factor-send-sms");
        sendText.setVisible(false);
        sendText.addClickListener(click -> sendText());
        VerticalLayout card = new VerticalLayout(new H2("Two-factor sign-in"), otherMethod, instruction, sendText, code, message,
                new HorizontalLayout(verify, cancel), done);
        card.addClassName("pc-two-factor-card");
        card.setMaxWidth("26rem");
        add(EnvironmentBanner.main(title, card));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PendingSignIn pending = SecondFactorSignIn.current().orElse(null);
        if (pending == null) {
            event.forwardTo("");
            return;
        }
        boolean text = service.status(pending.getUserId()).textMessages();
        sendText.setVisible(text);
        if (text) {
            instruction.setText("We text a six-digit code to your phone. Ask for it, then enter it here.");
        }
        otherMethod.removeAll();
        if (method != null && method.registered(pending.getUserId())) {
            otherMethod.add(method.signInStep(pending, this::otherMethodVerified));
            code.setAutofocus(false);
            boolean app = service.status(pending.getUserId()).enabled();
            instruction.setText(text ? "Or have a code texted to your phone, or enter a recovery code."
                    : app ? "Or enter the code from your authenticator app, or a recovery code."
                    : "Lost your key? Enter a recovery code.");
        }
    }

    void sendText() {
        SecondFactorSignIn.current().filter(pending -> !expired(pending)).ifPresent(pending -> {
            try {
                String to = service.sendSignInCode(pending.getUserId());
                message.setText("");
                instruction.setText("We texted a code to " + to + ". Enter it here.");
            } catch (TwoFactorService.RefusedException refused) {
                message.setText(refused.getMessage());
            }
        });
    }

    void verify() {
        PendingSignIn pending = SecondFactorSignIn.current().orElse(null);
        if (pending == null) {
            UI.getCurrent().getPage().setLocation(adminPath + "/login");
            return;
        }
        if (expired(pending)) {
            return;
        }
        TwoFactorService.Verification result = service.verify(pending.getUserId(), code.getValue(), pending.getAddress());
        code.clear();
        switch (result.outcome()) {
            case ACCEPTED -> {
                if (finish(pending)) {
                    UI.getCurrent().getPage().setLocation(adminPath + "/");
                }
            }
            case RECOVERY_CODE_ACCEPTED -> {
                if (finish(pending)) {
                    showRecoveryCodeUsed(result.recoveryCodesLeft());
                }
            }
            case WRONG -> problem(WRONG);
            case REPLAYED -> problem(REPLAYED);
            case THROTTLED -> problem(THROTTLED);
            case NOT_ENABLED -> {
                // Reset by an administrator meanwhile: start again, and the password step decides what comes next.
                TwoFactorGuard.startOver(adminPath);
            }
        }
    }

    /** The other method's answer was accepted on the server: the sign-in is finished like after a right code. */
    private void otherMethodVerified() {
        PendingSignIn pending = SecondFactorSignIn.current().orElse(null);
        if (pending != null && !expired(pending) && finish(pending)) {
            UI.getCurrent().getPage().setLocation(adminPath + "/");
        }
    }

    /**
     * True (and the sign-in started over, the sign-in page saying it timed out) when the code step has been open
     * longer than allowed: checked when a code is submitted, not only when the user navigates.
     */
    private boolean expired(PendingSignIn pending) {
        if (signIn.expired(pending, service.pendingTimeout(pending.getStep()))) {
            TwoFactorGuard.startOver(adminPath, true);
            return true;
        }
        return false;
    }

    private boolean finish(PendingSignIn pending) {
        try {
            signIn.complete(pending, service.pendingTimeout(pending.getStep()));
            return true;
        } catch (SecondFactorSignIn.ExpiredException tooLate) {
            TwoFactorGuard.startOver(adminPath, true);
            return false;
        }
    }

    private void showRecoveryCodeUsed(int left) {
        message.setText("");
        code.setEnabled(false);
        verify.setEnabled(false);
        cancel.setVisible(false);
        Paragraph used = new Paragraph("Recovery code accepted. It cannot be used again; you have " + left
                + (left == 1 ? " recovery code" : " recovery codes") + " left.");
        used.setId("recovery-codes-left");
        done.add(used);
        if (left < 3) {
            Paragraph advice = new Paragraph("Make new recovery codes now under Two-factor sign-in in your user menu, "
                    + "and set up your authenticator again if you no longer have it.");
            advice.addClassName("pc-warning");
            done.add(advice);
        }
        Button next = new Button("Continue", click -> UI.getCurrent().getPage().setLocation(adminPath + "/"));
        next.setId("two-factor-continue");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.add(next);
        done.setVisible(true);
    }

    private void problem(String text) {
        message.setText(text);
        code.setInvalid(true);
        code.focus();
    }

    private void cancel() {
        TwoFactorGuard.startOver(adminPath);
    }

    @Override
    public String getPageTitle() {
        return titles.of("Two-factor sign-in");
    }
}
