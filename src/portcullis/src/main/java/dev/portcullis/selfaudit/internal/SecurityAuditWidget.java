package dev.portcullis.selfaudit.internal;

import java.util.Optional;

import org.springframework.security.core.Authentication;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.AdminDashboardWidget;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.checks.CheckLevel;
import dev.portcullis.checks.internal.CheckRegistry;
import dev.portcullis.checks.internal.CheckReport;

/** The dashboard badge: counts of the latest audit, for superusers only, linking to the audit. */
public final class SecurityAuditWidget implements AdminDashboardWidget {

    private final CheckRegistry registry;

    public SecurityAuditWidget(CheckRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(Authentication user) {
        if (!AdminPermissions.grants(user, AdminPermissions.SUPERUSER)) {
            return Optional.empty();
        }
        CheckReport report = registry.latest();
        Div panel = new Div();
        panel.setId("security-audit-badge");
        panel.addClassName("pc-audit-badge");
        panel.add(new H3(Messages.get("selfaudit.title")));
        for (CheckLevel level : new CheckLevel[] {CheckLevel.CRITICAL, CheckLevel.ERROR, CheckLevel.WARNING}) {
            Span count = new Span(SecurityAuditView.count(level, report.count(level)));
            count.addClassNames("pc-audit-count", "pc-audit-" + level.name().toLowerCase(java.util.Locale.ROOT));
            panel.add(count);
        }
        panel.add(new Anchor(SecurityAuditView.PATH, report.findings().isEmpty()
                ? Messages.get("selfaudit.widget.open-clean") : Messages.get("selfaudit.widget.open")));
        return Optional.of(panel);
    }
}
