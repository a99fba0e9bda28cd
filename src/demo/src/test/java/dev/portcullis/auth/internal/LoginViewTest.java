package dev.portcullis.auth.internal;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;

import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.auth.AdminUserService;

@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class LoginViewTest extends KaribuTest {

    @Test
    void anonymousVisitorsAreSentToTheLoginView() {
        UI.getCurrent().navigate(DashboardView.class);
        _get(LoginView.class);
        _assertNone(DashboardView.class);
    }

    @Test
    void loginViewShowsTheSiteNameAndNoErrorAtFirst() {
        UI.getCurrent().navigate(LoginView.class);
        LoginView view = _get(LoginView.class);
        assertThat(_get(view, H1.class, spec -> spec.withText("Portcullis Bookshop"))).isNotNull();
        assertThat(view.form.isError()).isFalse();
        assertThat(view.form.getAction()).isEqualTo("login");
        assertThat(view.form.isForgotPasswordButtonVisible()).isFalse();
    }

    @Test
    void failedSignInShowsOneMessageForEveryCause() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView view = _get(LoginView.class);
        assertThat(view.form.isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getTitle()).isEqualTo("Incorrect username or password");
        assertThat(view.i18n.getErrorMessage().getMessage())
                .doesNotContainIgnoringCase("unknown").doesNotContainIgnoringCase("locked");
    }

    @Test
    void aThrottledAttemptSaysSoWithoutSayingWhetherTheUserExists() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", "").merging(LoginView.THROTTLED, ""));
        LoginView view = _get(LoginView.class);
        assertThat(view.form.isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getTitle()).isEqualTo("Too many failed sign-ins");
        assertThat(view.i18n.getErrorMessage().getMessage()).doesNotContainIgnoringCase("account exists");
    }

    @Test
    void signedInUsersSkipTheLoginView() {
        context.getBean(AdminUserService.class).createUser("login-skip", "correct horse battery staple", true,
                false, false);
        signInAs("login-skip");
        UI.getCurrent().navigate(LoginView.class);
        MockVaadin.clientRoundtrip(false);
        _get(DashboardView.class);
        _assertNone(LoginForm.class);
    }

    @Test
    void theSignInPageFollowsTheBrowser() {
        openNewUi(Locale.GERMAN);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView german = _get(LoginView.class);
        assertThat(german.i18n.getForm().getTitle()).isEqualTo("Anmelden");
        assertThat(german.i18n.getForm().getUsername()).isEqualTo("Benutzername");
        assertThat(german.i18n.getForm().getPassword()).isEqualTo("Passwort");
        assertThat(german.i18n.getForm().getSubmit()).isEqualTo("Anmelden");
        assertThat(german.i18n.getErrorMessage().getTitle()).isEqualTo("Benutzername oder Passwort falsch");

        openNewUi(Locale.US);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView english = _get(LoginView.class);
        assertThat(english.i18n.getForm().getTitle()).isEqualTo("Sign in");
        assertThat(english.i18n.getErrorMessage().getTitle()).isEqualTo("Incorrect username or password");
    }
}
