package dev.portcullis.twofactor.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.environment.internal.EnvironmentBanner;
import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.i18n.Messages;

import jakarta.annotation.security.PermitAll;
import dev.portcullis.twofactor.SecondFactorMethod;

/**
 * The setup wizard: why and how, scan the QR code, confirm a code, store the recovery codes. Nothing is stored until
 * the code is confirmed, so cancelling at any step changes nothing, and setting up again replaces the old
 * authenticator only at that moment. Users who must have a second factor arrive here straight from the password.
 */
@Route("two-factor/setup")
@PermitAll
public class TwoFactorSetupView extends VerticalLayout implements HasDynamicTitle {

    /** What the user reads for a wrong code, in their language. */
    public static String wrong() {
        return Messages.get("twofactor.setup.wrong");
    }

    private final TwoFactorService service;
    private final SecondFactorSignIn signIn;
    private final AdminPageTitles titles;
    private final String adminPath;
    private final String siteName;

    public final Span progress = new Span();
    final Div step = new Div();
    final Button back = new Button(Messages.get("twofactor.back"));
    public final Button next = new Button(Messages.get("twofactor.next"));
    public final Button cancel = new Button(Messages.get("common.cancel"));
    public final TextField code = new TextField(Messages.get("twofactor.code-from-app"));
    public final Div problem = new Div();

    /** The methods offered in the first step (their labels are in the user's language). */
    public static final String APP = "app";
    public static final String TEXT = "text";
    static final String KEY = "key";

    public final RadioButtonGroup<String> method = new RadioButtonGroup<>(Messages.get("twofactor.setup.method"));
    public final TextField phone = new TextField(Messages.get("twofactor.setup.phone"));
    public final Button sendCode = new Button(Messages.get("twofactor.send-text"));
    final Div sent = new Div();

    int stepNumber;
    /** Another method (security keys), offered in the first step when present. */
    private final SecondFactorMethod otherMethod;
    public TwoFactorService.Enrolment enrolment;
    public RecoveryCodesPanel recoveryCodes;

    public TwoFactorSetupView(TwoFactorService service, SecondFactorSignIn signIn, AdminProperties admin,
            AdminPageTitles titles, EnvironmentInfo environment) {
        this(service, signIn, admin, titles, environment, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public TwoFactorSetupView(TwoFactorService service, SecondFactorSignIn signIn, AdminProperties admin,
            AdminPageTitles titles, EnvironmentInfo environment,
            org.springframework.beans.factory.ObjectProvider<SecondFactorMethod> methods) {
        this.otherMethod = methods == null ? null : methods.getIfAvailable();
        this.service = service;
        this.signIn = signIn;
        this.titles = titles;
        this.adminPath = admin.getPath();
        this.siteName = admin.getSiteName();
        addClassName("pc-two-factor");
        setAlignItems(Alignment.CENTER);
        add(new EnvironmentBanner(environment));
        H1 title = new H1(siteName);
        title.addClassName("pc-login-title");

        progress.setId("two-factor-step");
        progress.addClassName("pc-count");
        back.setId("two-factor-back");
        next.setId("two-factor-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.setId("two-factor-cancel");
        back.addClickListener(click -> show(stepNumber - 1));
        next.addClickListener(click -> next());
        cancel.addClickListener(click -> leave(false));
        sendCode.addClickListener(click -> sendCode());
        code.setId("two-factor-code");
        code.setWidth("16rem");
        code.setMaxLength(7);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        problem.addClassName("pc-problems");
        problem.getElement().setAttribute("role", "alert");
        method.setItemLabelGenerator(item -> switch (item) {
            case APP -> Messages.get("twofactor.setup.method.app");
            case TEXT -> Messages.get("twofactor.setup.method.text");
            default -> otherMethod == null ? item : otherMethod.label();
        });

        VerticalLayout card = new VerticalLayout(new H2(Messages.get("twofactor.setup.title")), progress, step,
                new HorizontalLayout(back, next, cancel));
        card.addClassName("pc-two-factor-card");
        card.setMaxWidth("34rem");
        add(EnvironmentBanner.main(title, card));
        show(1);
    }

    private void show(int number) {
        stepNumber = number;
        step.removeAll();
        problem.setText("");
        back.setVisible(number == 2 || number == 3);
        cancel.setVisible(number < 4);
        next.setEnabled(true);
        switch (number) {
            case 1 -> why();
            case 2 -> scan();
            case 3 -> confirm();
            default -> codes();
        }
    }

    private void why() {
        progress.setText(Messages.get("twofactor.setup.step", 1, Messages.get("twofactor.setup.step.why")));
        method.setId("two-factor-method");
        if (service.textMessagesAvailable()) {
            method.setItems(APP, TEXT);
            method.setHelperText(Messages.get("twofactor.setup.method.help-with-text"));
        } else {
            method.setItems(APP);
            method.setHelperText(Messages.get("twofactor.setup.method.help"));
        }
        if (otherMethod != null) {
            java.util.List<String> items = new java.util.ArrayList<>(method.getListDataView().getItems().toList());
            items.add(0, KEY);
            method.setItems(items);
        }
        if (method.getValue() == null) {
            method.setValue(APP);
        }
        step.add(new Paragraph(Messages.get("twofactor.setup.why")), method);
        next.setText(Messages.get("twofactor.next"));
    }

    private void scan() {
        if (otherMethod != null && KEY.equals(method.getValue())) {
            progress.setText(Messages.get("twofactor.setup.step", 2, Messages.get("twofactor.setup.step.key")));
            next.setEnabled(false);
            step.add(otherMethod.setupStep(userId(), username(), codes -> {
                if (codes.isEmpty()) {
                    leave(true); // a further factor for someone who had one: no new recovery codes
                } else {
                    recoveryCodes = new RecoveryCodesPanel(siteName, username(), codes);
                    show(4);
                }
            }));
            return;
        }
        boolean text = TEXT.equals(method.getValue());
        if (enrolment == null || enrolment.textMessages() != text) {
            enrolment = text ? service.beginTextMessageSetup(username()) : service.beginSetup(username());
        }
        if (text) {
            phoneStep();
            return;
        }
        progress.setText(Messages.get("twofactor.setup.step", 2, Messages.get("twofactor.setup.step.scan")));
        byte[] png = qrCode(enrolment.uri());
        Image qr = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(png), "two-factor-qr.png", "image/png", png.length)),
                Messages.get("twofactor.setup.qr-alt"));
        qr.setId("two-factor-qr");
        qr.setWidth("220px");
        qr.setHeight("220px");
        Span secret = new Span(enrolment.groupedSecret());
        secret.setId("two-factor-secret");
        secret.addClassName("pc-secret");
        step.add(new Paragraph(Messages.get("twofactor.setup.scan")), qr,
                new Paragraph(Messages.get("twofactor.setup.by-hand", username())), secret);
        next.setText(Messages.get("twofactor.next"));
    }

    private void phoneStep() {
        progress.setText(Messages.get("twofactor.setup.step", 2, Messages.get("twofactor.setup.step.phone")));
        phone.setId("two-factor-phone");
        phone.setPlaceholder(Messages.get("twofactor.setup.phone.placeholder"));
        phone.setHelperText(Messages.get("twofactor.setup.phone.help"));
        phone.getElement().setAttribute("autocomplete", "tel");
        sendCode.setId("two-factor-send-code");
        sent.setId("two-factor-sent");
        step.add(new Paragraph(Messages.get("twofactor.setup.phone.intro")), phone,
                sendCode, sent, problem);
        next.setEnabled(enrolment != null && sent.getText() != null && !sent.getText().isEmpty());
    }

    void sendCode() {
        try {
            service.sendSetupCode(enrolment, phone.getValue());
            problem.setText("");
            sent.setText(Messages.get("twofactor.setup.sent", phone.getValue().strip()));
            next.setEnabled(true);
        } catch (TwoFactorService.RefusedException refused) {
            problem.setText(refused.getMessage());
        }
    }

    private void confirm() {
        progress.setText(Messages.get("twofactor.setup.step", 3, Messages.get("twofactor.setup.step.confirm")));
        code.clear();
        code.setInvalid(false);
        step.add(new Paragraph(enrolment.textMessages() ? Messages.get("twofactor.setup.enter-texted")
                : Messages.get("twofactor.setup.enter-app", siteName)), code, problem);
        code.focus();
        next.setText(Messages.get("twofactor.confirm"));
    }

    private void codes() {
        progress.setText(Messages.get("twofactor.setup.step", 4, Messages.get("twofactor.setup.step.codes")));
        step.add(recoveryCodes);
        next.setText(Messages.get("twofactor.done"));
        next.setEnabled(recoveryCodes.stored.getValue());
        recoveryCodes.stored.addValueChangeListener(change -> next.setEnabled(change.getValue()));
    }

    private void next() {
        switch (stepNumber) {
            case 1, 2 -> show(stepNumber + 1);
            case 3 -> submitCode();
            default -> leave(true);
        }
    }

    void submitCode() {
        PendingSignIn pending = SecondFactorSignIn.current().orElse(null);
        if (pending != null && signIn.expired(pending, service.pendingTimeout(pending.getStep()))) {
            // Checked when the code is submitted, not only when the user navigates.
            TwoFactorGuard.startOver(adminPath, true);
            return;
        }
        try {
            List<String> codes = service.confirm(userId(), enrolment, code.getValue(), address());
            recoveryCodes = new RecoveryCodesPanel(siteName, username(), codes);
            enrolment = null;
            show(4);
        } catch (TwoFactorService.RefusedException refused) {
            code.clear();
            code.setInvalid(true);
            problem.setText(refused.outcome() == TwoFactorService.Outcome.WRONG ? wrong() : refused.getMessage());
        }
    }

    /** Done or cancelled: a sign-in in progress finishes (or starts over); a signed-in user goes back. */
    private void leave(boolean done) {
        enrolment = null;
        PendingSignIn pending = SecondFactorSignIn.current().orElse(null);
        if (pending != null) {
            if (done) {
                try {
                    signIn.complete(pending, service.pendingTimeout(pending.getStep()));
                    UI.getCurrent().getPage().setLocation(adminPath + "/");
                } catch (SecondFactorSignIn.ExpiredException tooLate) {
                    TwoFactorGuard.startOver(adminPath, true);
                }
            } else {
                TwoFactorGuard.startOver(adminPath);
            }
            return;
        }
        UI.getCurrent().navigate(TwoFactorSettingsView.class);
    }

    private long userId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof PendingSignIn pending) {
            return pending.getUserId();
        }
        if (authentication != null && authentication.getPrincipal() instanceof AdminPrincipal user) {
            return user.getUserId();
        }
        throw new org.springframework.security.access.AccessDeniedException("Not signed in");
    }

    private String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof PendingSignIn pending ? pending.getUsername() : authentication.getName();
    }

    static String address() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }

    static byte[] qrCode(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 220, 220,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException | IOException e) {
            throw new UncheckedIOException(new IOException("Could not draw the QR code", e));
        }
    }

    @Override
    public String getPageTitle() {
        return titles.of(Messages.get("twofactor.setup.title"));
    }
}
