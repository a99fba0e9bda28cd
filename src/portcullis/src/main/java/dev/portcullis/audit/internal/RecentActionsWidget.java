package dev.portcullis.audit.internal;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.model.internal.Wording;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import dev.portcullis.admin.AdminChange;
import dev.portcullis.admin.AdminDashboardWidget;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;

/** "Recent actions" on the dashboard: the user's own, or everyone's for superusers, newest first. */
public final class RecentActionsWidget implements AdminDashboardWidget {

    static final int LIMIT = 10;

    private final HistoryLog history;
    private final AdminRegistry registry;

    public RecentActionsWidget(HistoryLog history, AdminRegistry registry) {
        this.history = history;
        this.registry = registry;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(Authentication user) {
        if (user == null || !user.isAuthenticated() || !AdminPermissions.grants(user, AdminPermissions.STAFF)) {
            return Optional.empty();
        }
        boolean everyone = AdminPermissions.grants(user, AdminPermissions.SUPERUSER);
        List<HistoryEntry> entries = history.recent(everyone ? null : user.getName(), LIMIT);
        Div panel = new Div();
        panel.setId("recent-actions");
        panel.addClassName("pc-recent-actions");
        panel.add(new H3(everyone ? Messages.get("audit.recent.everyone") : Messages.get("audit.recent.yours")));
        if (entries.isEmpty()) {
            panel.add(new Span(Messages.get("admin.none-yet")));
            return Optional.of(panel);
        }
        UnorderedList list = new UnorderedList();
        for (HistoryEntry entry : entries) {
            list.add(item(entry, everyone));
        }
        panel.add(list);
        return Optional.of(panel);
    }

    private ListItem item(HistoryEntry entry, boolean showUser) {
        Optional<AdminModel<?>> model = registry.bySlug(entry.entity());
        String noun = model.<String>map(Wording::noun).orElse(entry.entity());
        String what = entry.objectId() == null ? entry.objectLabel()
                : Messages.get("audit.recent.object", noun, entry.objectLabel());
        ListItem item = new ListItem();
        String when = ObjectHistoryView.WHEN.format(entry.occurredAt());
        item.add(new Span((showUser ? Messages.get("audit.recent.entry-by", when, entry.username(), entry.verbInSentence())
                : Messages.get("audit.recent.entry", when, entry.verbInSentence())) + " "));
        if (entry.objectId() != null && entry.action() != AdminChange.Kind.DELETE && model.isPresent()) {
            item.add(new Anchor(entry.entity() + "/" + entry.objectId(), what));
        } else {
            item.add(new Span(what == null ? "" : what));
        }
        if (!entry.changes().isEmpty()) {
            item.add(new Span(" (" + String.join(", ", entry.changes().stream()
                    .map(change -> HistoryEntry.fieldLabel(model, change.field())).toList()) + ")"));
        }
        return item;
    }
}
