package dev.portcullis.admin.data.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

import dev.portcullis.admin.AdminAction;
import dev.portcullis.admin.AdminChange;
import dev.portcullis.admin.AdminChange.FieldChange;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.internal.PropertyValues;

import jakarta.persistence.EntityManager;
import dev.portcullis.admin.data.InlineEdits;
import dev.portcullis.admin.data.RightsRefusedException;
import dev.portcullis.admin.data.ActionOutcome;

/**
 * Changes administered rows: saves (with their inline rows) and custom actions, each checked against the user's
 * permissions and rights and recorded in the history log, in the caller's transaction. Deletes are
 * {@link EntityDeletions}.
 */
public final class EntityCommands {

    private final EntityManager em;
    private final AdminRegistry registry;
    private final EntityQueries queries;
    private final HistorySnapshots snapshots;
    private final HistoryRecorder recorder;

    public EntityCommands(EntityManager em, AdminRegistry registry, EntityQueries queries, HistorySnapshots snapshots,
            HistoryRecorder recorder) {
        this.em = em;
        this.registry = registry;
        this.queries = queries;
        this.snapshots = snapshots;
        this.recorder = recorder;
    }

    public <T> T newInstance(AdminModel<T> model) {
        AdminAccess.require(model, AdminOperation.ADD);
        try {
            var constructor = model.entityClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.entityClass().getName() + " needs a no-argument constructor", e);
        }
    }

    public <T> T save(AdminModel<T> model, T entity, InlineEdits inlines) {
        Object id = PropertyValues.id(model, entity);
        boolean isNew = id == null || em.find(model.entityClass(), id) == null;
        AdminAccess.require(model, isNew ? AdminOperation.ADD : AdminOperation.CHANGE);
        T stored = isNew ? null : queries.findScoped(model, id);
        refuseRightsBeyondEditor(model, stored, entity);
        Map<String, String> before = isNew ? Map.of() : snapshots.of(model, stored);
        List<Object> fresh = new ArrayList<>();
        if (isNew) {
            fresh.add(entity);
        }
        inlines.byAttribute().values().forEach(rows -> fresh.addAll(rows.added()));
        SaveUndo undo = SaveUndo.capture(em.getMetamodel(), fresh);
        try {
            T saved;
            if (isNew) {
                em.persist(entity);
                saved = entity;
            } else {
                saved = em.merge(entity);
            }
            String inlineNote = new InlineWriter(em, registry, AdminAccess::require).apply(model, saved, inlines);
            em.flush();
            recorder.record(model, isNew ? AdminChange.Kind.ADD : AdminChange.Kind.CHANGE, saved,
                    HistorySnapshots.diff(before, snapshots.of(model, saved)), inlineNote);
            return saved;
        } catch (RuntimeException failed) {
            undo.restore();
            throw SaveFailures.translate(model, failed).orElseThrow(() -> failed);
        }
    }

    /**
     * Rights-holding entities: refuses, before anything is written, a save granting beyond the editor's rights. The
     * refusal is recorded in this transaction, which commits with nothing else in it (hence noRollbackFor on save).
     */
    private <T> void refuseRightsBeyondEditor(AdminModel<T> model, T stored, T submitted) {
        String refused = RightsGuard.refusal(model, stored, submitted, AdminAccess.currentUser());
        if (refused != null) {
            recorder.record(model, AdminChange.Kind.ACTION, stored != null ? stored : submitted, List.of(),
                    "Refused: " + refused);
            throw new RightsRefusedException(refused);
        }
    }

    /**
     * Rights-holding entities: a row granting rights the editor lacks (a superuser, for a user without that right) is
     * neither deleted nor handed to a custom action by them. Checked before anything is written.
     */
    static <T> void refuseTouchingRightsBeyondEditor(AdminModel<T> model, List<T> rows, String verb) {
        Authentication editor = AdminAccess.currentUser();
        for (T row : rows) {
            String refused = RightsGuard.refusalToTouch(model, row, editor, verb);
            if (refused != null) {
                throw new RightsRefusedException(refused);
            }
        }
    }

    public <T> ActionOutcome runAction(AdminModel<T> model, AdminAction<T> action, List<Object> ids) {
        AdminAccess.require(model, AdminOperation.VIEW);
        Authentication user = AdminAccess.currentUser();
        if (!AdminPermissions.grants(user, action.permission())) {
            throw new AccessDeniedException("'" + (user == null ? "anonymous" : user.getName()) + "' may not run '"
                    + action.label() + "'");
        }
        List<T> rows = ids.stream().map(id -> queries.findScoped(model, id)).toList();
        refuseTouchingRightsBeyondEditor(model, rows, "change");
        List<Map<String, String>> before = rows.stream().map(row -> snapshots.of(model, row)).toList();
        String message = action.handler().apply(rows);
        em.flush();
        int changed = 0;
        for (int i = 0; i < rows.size(); i++) {
            T row = rows.get(i);
            if (!em.contains(row)) {
                changed++;
            } else {
                List<FieldChange> changes = HistorySnapshots.diff(before.get(i), snapshots.of(model, row));
                if (!changes.isEmpty()) {
                    changed++;
                    recorder.record(model, AdminChange.Kind.CHANGE, row, changes,
                            "by the action '" + action.label() + "'");
                }
            }
        }
        recorder.recordMany(model, AdminChange.Kind.ACTION, rows.size(), action.label() + ": " + message);
        return new ActionOutcome(message, changed);
    }
}
