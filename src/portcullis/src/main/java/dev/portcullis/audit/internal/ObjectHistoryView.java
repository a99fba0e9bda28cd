package dev.portcullis.audit.internal;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.model.internal.Wording;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.NotFoundException;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.ui.MainLayout;

import jakarta.annotation.security.RolesAllowed;

/**
 * The history of one row: every add, change, delete and action recorded for it, newest first, with the old and new
 * value of each changed field. Open to whoever may view the row; the history of a deleted row only to superusers.
 */
@Route(value = ":slug/:id/history", layout = MainLayout.class)
@RolesAllowed("STAFF")
public class ObjectHistoryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int LIMIT = 500;

    private final AdminRegistry registry;
    private final AdminEntityService service;
    private final HistoryLog history;
    private final AdminPageTitles titles;

    public final H1 title = new H1();
    public final Grid<HistoryEntry> grid = new Grid<>();
    /** The entity whose row is shown, for the labels of its attributes. */
    private AdminModel<?> shown;
    final Paragraph empty = new Paragraph(Messages.get("audit.history.empty"));

    public ObjectHistoryView(AdminRegistry registry, AdminEntityService service,
            org.springframework.beans.factory.ObjectProvider<HistoryLog> history, AdminPageTitles titles) {
        this.registry = registry;
        this.service = service;
        // Absent when the history log is switched off (portcullis.audit.enabled) or replaced by the host's own.
        this.history = history.getIfAvailable();
        this.titles = titles;
        addClassName("pc-history");
        grid.addColumn(entry -> WHEN.format(entry.occurredAt())).setHeader(Messages.get("audit.history.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::username).setHeader(Messages.get("audit.history.user")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::verb).setHeader(Messages.get("audit.history.action")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> what(entry, shown)).setKey("changes").setHeader(Messages.get("audit.history.changes")).setFlexGrow(1);
        grid.addColumn(HistoryEntry::id).setHeader("#").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (history == null) {
            throw new NotFoundException(Messages.get("audit.history.not-kept"));
        }
        String slug = event.getRouteParameters().get("slug").orElse("");
        String idText = event.getRouteParameters().get("id").orElse("");
        AdminModel<?> model = registry.bySlug(slug)
                .orElseThrow(() -> new NotFoundException(Messages.get("admin.no-section", slug)));
        if (!service.can(model, AdminOperation.VIEW)) {
            throw new AccessDeniedException("may not view " + model.pluralLabel());
        }
        Object id = service.parseId(model, idText);
        String label;
        try {
            label = EntityLabels.of(service.get(model, id));
        } catch (NotFoundException deleted) {
            // A deleted row (or one outside the user's scope): only superusers read what is left of it.
            if (!AdminPermissions.grants(SecurityContextHolder.getContext().getAuthentication(),
                    AdminPermissions.SUPERUSER)) {
                throw deleted;
            }
            label = Messages.get("audit.history.deleted-row", idText);
        }
        List<HistoryEntry> entries = history.forObject(slug, idText, LIMIT);
        title.setText(Messages.get("audit.history.title", Wording.noun(model), label));
        shown = model;
        grid.setItems(entries);
        removeAll();
        Anchor back = new Anchor(slug + "/" + idText, Messages.get("audit.history.back", Wording.noun(model)));
        back.addClassName("pc-breadcrumb");
        empty.setVisible(entries.isEmpty());
        add(back, title, empty, grid);
        if (entries.size() == LIMIT) {
            add(new Paragraph(Messages.get("audit.history.newest", LIMIT)));
        }
    }

    @Override
    public String getPageTitle() {
        return titles.of(Messages.get("audit.history.page-title"));
    }

    public static String what(HistoryEntry entry) {
        return what(entry, null);
    }

    /** The entry's detail and changes, each changed attribute by its label in {@code model} (when given). */
    public static String what(HistoryEntry entry, AdminModel<?> model) {
        String changes = model == null ? entry.describeChanges()
                : entry.describeChanges(path -> HistoryEntry.fieldLabel(java.util.Optional.of(model), path));
        String detail = entry.detail() == null ? "" : entry.detail();
        if (changes.isEmpty() && detail.isEmpty() && entry.action() == dev.portcullis.admin.AdminChange.Kind.CHANGE) {
            return Messages.get("audit.history.no-fields-changed");
        }
        return changes.isEmpty() ? detail : detail.isEmpty() ? changes : detail + " — " + changes;
    }

}
