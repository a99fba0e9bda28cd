package dev.portcullis.selfaudit.internal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.admin.ui.MainLayout;
import dev.portcullis.admin.ui.internal.RouteAccessDeniedView;

/** The security audit view and the dashboard badge: superusers only, grouped findings, re-run and export. */
@SpringBootTest(classes = DemoApplication.class, properties = {
        "portcullis.checks.docs-url=https://docs.example.org/portcullis/README.md",
        "portcullis.checks.silenced=versions.I010"})
@ActiveProfiles("test")
class SecurityAuditViewTest extends BookshopKaribuTest {

    @BeforeEach
    void users() {
        bookshopWithSuperuser(10, "audit-root");
        if (users.findByUsername("audit-staff").isEmpty()) {
            users.createUser("audit-staff", "correct horse battery staple", true, false, false);
        }
    }

    private static List<String> texts(Component parent, Class<? extends Component> type) {
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(parent, type).stream()
                .map(c -> c.getElement().getText()).toList();
    }

    @Test
    void superusersSeeFindingsGroupedByLevelWithHintsAndLinks() {
        signInAs("audit-root");
        UI.getCurrent().navigate(SecurityAuditView.class);
        SecurityAuditView view = _get(SecurityAuditView.class);

        assertThat(view.summary.getText()).matches("0 critical · 0 errors · \\d+ warnings · \\d+ notes · 1 silenced"
                + " — checked .* UTC");
        Div warnings = (Div) view.findings.getChildren().filter(c -> c.getId().orElse("").equals("audit-warning"))
                .findFirst().orElseThrow();
        assertThat(texts(warnings, H3.class).getFirst()).matches("Warnings \\(\\d+\\)");
        assertThat(texts(warnings, Span.class)).contains("security.W046", "portcullis.admin.path", "database.W001");
        assertThat(warnings.getElement().getOuterHTML())
                .contains("Fix: Set portcullis.admin.path")
                .contains("href=\"https://docs.example.org/portcullis/README.md#security-audit-and-checkup\"");
        assertThat(view.exportText.getHref()).isNotBlank();
        assertThat(view.exportJson.getHref()).isNotBlank().isNotEqualTo(view.exportText.getHref());
    }

    @Test
    void reRunningPicksUpAFixedFinding() {
        signInAs("audit-root");
        UI.getCurrent().navigate(SecurityAuditView.class);
        SecurityAuditView view = _get(SecurityAuditView.class);
        jdbc.update("update portcullis_user set must_change_password = true where username = 'audit-root'");
        try {
            _click(view.rerun);
            assertThat(view.findings.getElement().getOuterHTML()).contains("security.W050", "audit-root");
        } finally {
            jdbc.update("update portcullis_user set must_change_password = false where username = 'audit-root'");
        }
        _click(view.rerun);
        assertThat(view.findings.getElement().getOuterHTML()).doesNotContain("audit-root still has");
    }

    @Test
    void theLiveCheckupGradesASiteAndSaysWhatToFixFirst() throws Exception {
        com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Server", "Apache/2.4.1");
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            byte[] body = "<html><a href=\"/console/login\">Staff</a></html>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        try {
            signInAs("audit-root");
            UI.getCurrent().navigate(SecurityAuditView.class);
            SecurityAuditView view = _get(SecurityAuditView.class);
            assertThat(view.checkupUrl.getValue()).as("defaults to the app's own URL").startsWith("http");

            com.github.mvysny.kaributesting.v10.LocatorJ._setValue(view.checkupUrl,
                    "http://127.0.0.1:" + site.getAddress().getPort() + "/");
            _click(view.runCheckup);

            String html = view.checkupResult.getElement().getOuterHTML();
            // No CSP (-25), no redirect to HTTPS (-20), no HTTPS so no HSTS (-20), no frame options (-20), no nosniff (-5).
            assertThat(html).contains("Grade F · score 10", "content-security-policy: csp-not-implemented",
                    "checkup.W005", "Apache/2.4.1", "checkup.W011", "/console", "checkup.W010");
        } finally {
            site.stop(0);
        }
    }

    @Test
    void aMalformedCheckupTargetIsRefusedWithAMessage() {
        signInAs("audit-root");
        UI.getCurrent().navigate(SecurityAuditView.class);
        SecurityAuditView view = _get(SecurityAuditView.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(view.checkupUrl, "ftp://files.example.com");
        _click(view.runCheckup);
        assertThat(view.checkupUrl.isInvalid()).isTrue();
        assertThat(view.checkupUrl.getValue()).isEqualTo("ftp://files.example.com");
        assertThat(view.checkupResult.getChildren()).isEmpty();
    }

    @Test
    void staffWhoAreNotSuperusersAreRefused() {
        signInAs("audit-staff");
        UI.getCurrent().navigate(SecurityAuditView.class);
        // The same refusal as everywhere else, instead of "Could not navigate to ...".
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(RouteAccessDeniedView.class);
        assertThat(_get(com.vaadin.flow.component.html.H1.class).getText())
                .isEqualTo("You do not have permission to do that");
        // The view checks again itself, however it is reached.
        SecurityAuditView view = context.getAutowireCapableBeanFactory().createBean(SecurityAuditView.class);
        assertThatThrownBy(() -> view.beforeEnter(null)).isInstanceOf(AccessDeniedException.class);
        assertThat(view.findings.getChildren()).isEmpty();
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(MainLayout.class).entries())
                .doesNotContain("Security audit");
    }

    @Test
    void theDashboardShowsTheBadgeToSuperusersOnly() {
        signInAs("audit-root");
        UI.getCurrent().navigate(DashboardView.class);
        Div badge = _get(Div.class, spec -> spec.withId("security-audit-badge"));
        assertThat(texts(badge, Span.class)).anySatisfy(t -> assertThat(t).matches("\\d+ warnings?"))
                .contains("0 critical", "0 errors");
        assertThat(_get(MainLayout.class).entries())
                .contains("Security audit");

        signInAs("audit-staff");
        UI.getCurrent().navigate(DashboardView.class);
        UI.getCurrent().getPage().reload();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Div.class,
                spec -> spec.withId("security-audit-badge"))).isEmpty();
    }

    @Test
    void theAuditsOwnWordsAreGermanForAGermanReaderWhileTheFindingsStayEnglish() {
        signInAs("audit-root");
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        UI.getCurrent().navigate(SecurityAuditView.class);
        SecurityAuditView view = _get(SecurityAuditView.class);
        assertThat(texts(view, com.vaadin.flow.component.html.H1.class)).containsExactly("Sicherheitsprüfung");
        assertThat(view.rerun.getText()).isEqualTo("Prüfungen erneut ausführen");
        assertThat(view.exportText.getText()).isEqualTo("Als Text exportieren");
        assertThat(view.checkupUrl.getLabel()).isEqualTo("Zu prüfende Website");
        assertThat(view.runCheckup.getText()).isEqualTo("Live-Prüfung ausführen");
        assertThat(view.summary.getText()).matches("0 kritisch · 0 Fehler · \\d+ Warnungen · \\d+ Hinweise"
                + " · 1 ausgeblendet — geprüft .* UTC");
        Div warnings = (Div) view.findings.getChildren().filter(c -> c.getId().orElse("").equals("audit-warning"))
                .findFirst().orElseThrow();
        assertThat(texts(warnings, H3.class).getFirst()).matches("Warnungen \\(\\d+\\)");
        assertThat(warnings.getElement().getOuterHTML()).contains("Behebung: ", "Über security.W046");
    }
}
