package dev.portcullis.auth.internal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.environment.internal.EnvironmentBanner;
import dev.portcullis.i18n.Messages;
import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.auth.SignInAlternative;

/**
 * The sign-in page. The form posts to Spring Security; every failure, whatever its cause, comes back as
 * {@code ?error} and shows the same message, so the page never tells which usernames exist.
 */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Query parameter added to {@code ?error} when the sign-in throttle refused the attempt. */
    public static final String THROTTLED = "throttled";
    /** Query parameter for a sign-in that waited too long at its second step. */
    static final String EXPIRED = "expired";

    final LoginForm form = new LoginForm();
    final LoginI18n i18n = LoginI18n.createDefault();

    private final AdminPageTitles titles;

    public LoginView(AdminProperties properties, AdminPageTitles titles, EnvironmentInfo environment) {
        this(properties, titles, environment, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public LoginView(AdminProperties properties, AdminPageTitles titles, EnvironmentInfo environment,
            org.springframework.beans.factory.ObjectProvider<SignInAlternative> alternatives) {
        this.titles = titles;
        addClassName("pc-login");
        add(new EnvironmentBanner(environment));
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        // The page follows the browser's language (nobody is signed in to have chosen one).
        i18n.getForm().setTitle(Messages.get("auth.login.title"));
        i18n.getForm().setUsername(Messages.get("auth.login.username"));
        i18n.getForm().setPassword(Messages.get("auth.login.password"));
        i18n.getForm().setSubmit(Messages.get("auth.login.submit"));
        i18n.getForm().setForgotPassword(Messages.get("auth.login.forgot-password"));
        i18n.getErrorMessage().setUsername(Messages.get("auth.login.username-required"));
        i18n.getErrorMessage().setPassword(Messages.get("auth.login.password-required"));
        i18n.getErrorMessage().setTitle(Messages.get("auth.login.failure.title"));
        i18n.getErrorMessage().setMessage(Messages.get("auth.login.failure.message"));
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        H1 title = new H1(properties.getSiteName());
        title.addClassName("pc-login-title");
        Main main = EnvironmentBanner.main(title, form);
        if (alternatives != null) {
            alternatives.orderedStream().forEach(alternative -> main.add(alternative.component()));
        }
        add(main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            event.forwardTo(DashboardView.class);
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean throttled = parameters.containsKey(THROTTLED);
        boolean expired = parameters.containsKey(EXPIRED);
        i18n.getErrorMessage().setTitle(expired ? Messages.get("auth.login.expired.title")
                : throttled ? Messages.get("auth.login.throttled.title") : Messages.get("auth.login.failure.title"));
        i18n.getErrorMessage().setMessage(expired ? Messages.get("auth.login.expired.message")
                : throttled ? Messages.get("auth.login.throttled.message") : Messages.get("auth.login.failure.message"));
        form.setI18n(i18n);
        form.setError(parameters.containsKey("error") || expired);
    }

    @Override
    public String getPageTitle() {
        return titles.of(Messages.get("auth.login.title"));
    }
}
