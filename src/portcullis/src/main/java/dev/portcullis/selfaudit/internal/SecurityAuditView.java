package dev.portcullis.selfaudit.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import com.vaadin.flow.component.textfield.TextField;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.checks.checkup.internal.Checkup;
import dev.portcullis.checks.checkup.CheckupProperties;
import dev.portcullis.checks.internal.CheckupResult;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.checks.CheckLevel;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.internal.CheckRegistry;
import dev.portcullis.checks.internal.CheckReport;
import dev.portcullis.checks.internal.CheckReportJson;
import dev.portcullis.checks.internal.CheckReportText;
import dev.portcullis.checks.ChecksProperties;

import jakarta.annotation.security.RolesAllowed;
import dev.portcullis.admin.ui.MainLayout;

/**
 * The security audit, for superusers: every check's findings grouped by level with counts, each with its hint and
 * a link to the documentation; run again on demand; exported as text (Django's format) or JSON.
 */
@Route(value = SecurityAuditView.PATH, layout = MainLayout.class)
@RolesAllowed("SUPERUSER")
public class SecurityAuditView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    public static final String PATH = "security-audit";

    /** The README section that lists every check id. */
    static final String DOCS_ANCHOR = "security-audit-and-checkup";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CheckRegistry registry;
    private final AdminPageTitles titles;
    private final String docsUrl;

    final Span summary = new Span();
    final Div findings = new Div();
    final Button rerun = new Button(Messages.get("selfaudit.rerun"));
    final Anchor exportText;
    final Anchor exportJson;

    final TextField checkupUrl = new TextField(Messages.get("selfaudit.checkup.url"));
    final Button runCheckup = new Button(Messages.get("selfaudit.checkup.run"));
    final Div checkupResult = new Div();

    private final Checkup checkup;
    private final String adminPath;
    private CheckReport report;

    public SecurityAuditView(CheckRegistry registry, AdminPageTitles titles, ChecksProperties properties,
            Checkup checkup, CheckupProperties checkupProperties, AdminProperties admin) {
        this.registry = registry;
        this.checkup = checkup;
        this.adminPath = admin.getPath();
        this.titles = titles;
        this.docsUrl = properties.getDocsUrl();
        addClassName("pc-security-audit");
        summary.setId("audit-summary");
        findings.setId("audit-findings");
        rerun.setId("audit-rerun");
        rerun.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rerun.addClickListener(click -> show(registry.run(CheckRegistry.Scope.DEPLOY)));
        exportText = new Anchor(download("security-audit.txt", "text/plain", CheckReportText::format),
                Messages.get("selfaudit.export-text"));
        exportText.setId("audit-export-text");
        exportJson = new Anchor(download("security-audit.json", "application/json", CheckReportJson::format),
                Messages.get("selfaudit.export-json"));
        exportJson.setId("audit-export-json");
        add(new H1(Messages.get("selfaudit.title")), new Paragraph(Messages.get("selfaudit.intro")),
                new HorizontalLayout(rerun, exportText, exportJson), summary, findings);
        checkupUrl.setId("checkup-url");
        checkupUrl.setWidth("30em");
        checkupUrl.setHelperText(Messages.get("selfaudit.checkup.url-help"));
        checkupUrl.setValue(checkupProperties.getUrl() != null ? checkupProperties.getUrl() : ownUrl());
        runCheckup.setId("checkup-run");
        runCheckup.addClickListener(click -> runCheckup());
        checkupResult.setId("checkup-result");
        add(new H2(Messages.get("selfaudit.checkup.title")), new Paragraph(Messages.get("selfaudit.checkup.intro")),
                new HorizontalLayout(checkupUrl, runCheckup), checkupResult);
    }

    /** The address this page was opened at: the application's own external URL. */
    private static String ownUrl() {
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        if (request instanceof com.vaadin.flow.server.VaadinServletRequest servlet) {
            var http = servlet.getHttpServletRequest();
            boolean defaultPort = (http.getScheme().equals("https") && http.getServerPort() == 443)
                    || (http.getScheme().equals("http") && http.getServerPort() == 80);
            return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                    + "/";
        }
        return "";
    }

    void runCheckup() {
        requireSuperuser();
        checkupResult.removeAll();
        String target = checkupUrl.getValue().strip();
        if (target.isEmpty() || (target.contains("://") && !target.startsWith("http://")
                && !target.startsWith("https://"))) {
            checkupUrl.setInvalid(true);
            checkupUrl.setErrorMessage(Messages.get("selfaudit.checkup.url-invalid"));
            return;
        }
        checkupUrl.setInvalid(false);
        CheckupResult result;
        try {
            result = checkup.run(target, adminPath);
        } catch (IllegalArgumentException malformed) {
            checkupUrl.setInvalid(true);
            checkupUrl.setErrorMessage(Messages.get("selfaudit.checkup.url-invalid"));
            return;
        }
        H3 grade = new H3(Messages.get("selfaudit.checkup.grade", result.grade(), result.score()));
        grade.setId("checkup-grade");
        checkupResult.add(grade);
        // What the grade means, in the reader's language (the probes' findings below stay English diagnostics).
        Paragraph meaning = new Paragraph(dev.portcullis.checks.internal.CheckupWords.gradeMeaning(result));
        meaning.setId("checkup-grade-meaning");
        checkupResult.add(meaning);
        if (!result.fixFirst().isEmpty()) {
            Div fix = new Div(new H3(Messages.get("selfaudit.checkup.fix-first")));
            fix.setId("checkup-fix-first");
            result.fixFirst().forEach(test -> fix.add(new Paragraph(test.modifier() + "  " + test.name() + ": "
                    + test.result() + " — " + test.advice())));
            checkupResult.add(fix);
        }
        result.findings().forEach(finding -> checkupResult.add(card(finding)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // @RolesAllowed guards the route; this guards the view however it is reached.
        requireSuperuser();
        show(registry.run(CheckRegistry.Scope.DEPLOY));
    }

    private static void requireSuperuser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (!AdminPermissions.grants(user, AdminPermissions.SUPERUSER)) {
            throw new AccessDeniedException("the security audit is for superusers");
        }
    }

    /** The report as a file, checked again for a superuser when it is downloaded. */
    private DownloadHandler download(String fileName, String contentType, Function<CheckReport, String> format) {
        return DownloadHandler.fromInputStream(event -> {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (!AdminPermissions.grants(user, AdminPermissions.SUPERUSER) || report == null) {
                return DownloadResponse.error(403);
            }
            byte[] bytes = format.apply(report).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType + "; charset=UTF-8",
                    bytes.length);
        });
    }

    void show(CheckReport shown) {
        this.report = shown;
        summary.setText(summaryText(shown));
        findings.removeAll();
        if (shown.findings().isEmpty()) {
            findings.add(new Paragraph(Messages.get("selfaudit.no-issues")));
        }
        for (CheckLevel level : List.of(CheckLevel.CRITICAL, CheckLevel.ERROR, CheckLevel.WARNING, CheckLevel.INFO)) {
            List<CheckMessage> atLevel = shown.at(level);
            if (atLevel.isEmpty()) {
                continue;
            }
            Div group = new Div();
            group.addClassNames("pc-audit-group", "pc-audit-" + level.name().toLowerCase(Locale.ROOT));
            group.setId("audit-" + level.name().toLowerCase(Locale.ROOT));
            group.add(new H3(Messages.get("selfaudit.group", label(level), atLevel.size())));
            atLevel.forEach(finding -> group.add(card(finding)));
            findings.add(group);
        }
    }

    private Div card(CheckMessage finding) {
        Div card = new Div();
        card.addClassName("pc-audit-finding");
        Span id = new Span(finding.id());
        id.addClassName("pc-audit-id");
        card.add(id);
        if (finding.source() != null) {
            Span source = new Span(finding.source());
            source.addClassName("pc-audit-source");
            card.add(source);
        }
        card.add(new Paragraph(finding.message()));
        if (finding.hint() != null) {
            Paragraph hint = new Paragraph(Messages.get("selfaudit.fix", finding.hint()));
            hint.addClassName("pc-audit-hint");
            card.add(hint);
        }
        if (docsUrl != null) {
            Anchor docs = new Anchor(docsUrl + "#" + DOCS_ANCHOR, Messages.get("selfaudit.about", finding.id()));
            docs.setTarget("_blank");
            docs.getElement().setAttribute("rel", "noopener noreferrer");
            card.add(docs);
        }
        return card;
    }

    static String summaryText(CheckReport report) {
        return Messages.get("selfaudit.summary", report.count(CheckLevel.CRITICAL), report.count(CheckLevel.ERROR),
                report.count(CheckLevel.WARNING), report.count(CheckLevel.INFO), report.silenced(),
                TIME.format(report.ranAt()));
    }

    /** "2 critical", "1 error", "3 warnings" for the dashboard's badge. */
    static String count(CheckLevel level, long count) {
        return switch (level) {
            case CRITICAL -> Messages.get("selfaudit.count.critical", count);
            case ERROR -> Messages.get("selfaudit.count.error", count);
            case WARNING -> Messages.get("selfaudit.count.warning", count);
            case INFO -> Messages.get("selfaudit.count.info", count);
        };
    }

    private static String label(CheckLevel level) {
        return switch (level) {
            case CRITICAL -> Messages.get("selfaudit.level.critical");
            case ERROR -> Messages.get("selfaudit.level.error");
            case WARNING -> Messages.get("selfaudit.level.warning");
            case INFO -> Messages.get("selfaudit.level.info");
        };
    }

    @Override
    public String getPageTitle() {
        return titles.of(Messages.get("selfaudit.title"));
    }
}
