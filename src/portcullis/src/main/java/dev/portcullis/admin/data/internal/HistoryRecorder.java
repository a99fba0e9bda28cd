package dev.portcullis.admin.data.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hibernate.Hibernate;
import org.springframework.beans.factory.ObjectProvider;

import dev.portcullis.admin.AdminChange;
import dev.portcullis.admin.AdminChange.FieldChange;
import dev.portcullis.admin.AdminHistory;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.internal.PropertyValues;

import jakarta.persistence.EntityManager;
import dev.portcullis.admin.data.CappedCount;

/**
 * Writes what the signed-in user did to the history log, in the caller's transaction; when no {@link AdminHistory}
 * bean exists nothing is recorded.
 */
public final class HistoryRecorder {

    private static final int LABEL_LENGTH = 200;

    private final EntityManager em;
    private final AdminRegistry registry;
    private final ObjectProvider<AdminHistory> history;
    private final RowLabels labels;

    public HistoryRecorder(EntityManager em, AdminRegistry registry, ObjectProvider<AdminHistory> history, RowLabels labels) {
        this.em = em;
        this.registry = registry;
        this.history = history;
        this.labels = labels;
    }

    /** One row added, changed, deleted or acted on. */
    <T> void record(AdminModel<T> model, AdminChange.Kind kind, T entity, List<FieldChange> fields, String detail) {
        AdminHistory log = history.getIfAvailable();
        if (kind == AdminChange.Kind.CHANGE && fields.isEmpty() && (detail == null || detail.isBlank())) {
            return; // a save that changed nothing: no empty "Changed" entry
        }
        if (log != null) {
            Object id = PropertyValues.id(model, entity);
            log.record(AdminAccess.currentUser(), new AdminChange(kind, model.slug(), id == null ? null
                    : String.valueOf(id), abbreviate(EntityLabels.of(entity)), fields, detail));
        }
    }

    /** Work on many rows at once (an action, an export), as one entry naming how many. */
    void recordMany(AdminModel<?> model, AdminChange.Kind kind, long rows, String detail) {
        AdminHistory log = history.getIfAvailable();
        if (log != null) {
            log.record(AdminAccess.currentUser(), new AdminChange(kind, model.slug(), null, new CappedCount(rows, false)
                    .describe(model.label(), model.pluralLabel()), List.of(), abbreviate(detail)));
        }
    }

    /** A row removed along with the deleted ones, under its own entity's name so its history shows it. */
    void recordCascaded(Object row, Object id, Map<String, String> before, String detail) {
        AdminHistory log = history.getIfAvailable();
        if (log != null) {
            Class<?> type = Hibernate.getClass(row);
            String entity = registry.byClass(type).map(AdminModel::slug)
                    .orElse(em.getMetamodel().entity(type).getName().toLowerCase(Locale.ROOT));
            log.record(AdminAccess.currentUser(), new AdminChange(AdminChange.Kind.DELETE, entity, String.valueOf(id),
                    abbreviate(labels.of(row)), HistorySnapshots.diff(before, Map.of()), abbreviate(detail)));
        }
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1) + "…";
    }
}
