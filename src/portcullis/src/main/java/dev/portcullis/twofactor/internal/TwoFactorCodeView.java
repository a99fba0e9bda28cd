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
import dev.portcullis.i18n.Messages;

import jakarta.annotation.security.PermitAll;
import dev.portcullis.twofactor.SecondFactorMethod;

/**
 * The second step of signing in: a code from the authenticator app, or a recovery code. Only a sign-in that passed
 * its password reaches this page (the guard sends it nowhere else), and only a correct, unused code finishes it.
 */
@Route("two-factor")
@PermitAll
public class TwoFactorCodeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** What the user reads for a wrong code, in their language. */
    public static String wrong() {
        return Messages.get("twofactor.code.wrong");
    }

    /** What the user reads for a code whose time step was used already, in their language. */
    public static String replayed() {
        return Messages.get("twofactor.code.replayed");
    }

    static String throttled() {
        return Messages.get("twofactor.throttled");
    }

    private final TwoFactorService service;
    private final SecondFactorSignIn signIn;
    private final AdminPageTitles titles;
    private final String adminPath;

    public final TextField code = new TextField(Messages.get("twofactor.code.label"));
    public final Button verify = new Button(Messages.get("twofactor.code.verify"));
    final Button cancel = new Button(Messages.get("common.cancel"));
    public final Div message = new Div();
    public final VerticalLayout done = new VerticalLayout();
    public final Button sendText = new Button(Messages.get("twofactor.send-text"));
    public final Paragraph instruction = new Paragraph(Messages.get("twofactor.code.instruction"));
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
        code.setHelperText(Messages.get("twofactor.code.help"));
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
        VerticalLayout card = new VerticalLayout(new H2(Messages.get("twofactor.title")), otherMethod, instruction, sendText, code, message,
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
            instruction.setText(Messages.get("twofactor.code.instruction.text"));
        }
        otherMethod.removeAll();
        if (method != null && method.registered(pending.getUserId())) {
            otherMethod.add(method.signInStep(pending, this::otherMethodVerified));
            code.setAutofocus(false);
            boolean app = service.status(pending.getUserId()).enabled();
            instruction.setText(text ? Messages.get("twofactor.code.instruction.or-text")
                    : app ? Messages.get("twofactor.code.instruction.or-app")
                    : Messages.get("twofactor.code.instruction.lost-key"));
        }
    }

    void sendText() {
        SecondFactorSignIn.current().filter(pending -> !expired(pending)).ifPresent(pending -> {
            try {
                String to = service.sendSignInCode(pending.getUserId());
                message.setText("");
                instruction.setText(Messages.get("twofactor.code.texted", to));
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
            case WRONG -> problem(wrong());
            case REPLAYED -> problem(replayed());
            case THROTTLED -> problem(throttled());
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
        Paragraph used = new Paragraph(Messages.get("twofactor.code.recovery-used", left));
        used.setId("recovery-codes-left");
        done.add(used);
        if (left < 3) {
            Paragraph advice = new Paragraph(Messages.get("twofactor.code.recovery-advice"));
            advice.addClassName("pc-warning");
            done.add(advice);
        }
        Button next = new Button(Messages.get("twofactor.continue"), click -> UI.getCurrent().getPage().setLocation(adminPath + "/"));
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
        return titles.of(Messages.get("twofactor.title"));
    }
}
