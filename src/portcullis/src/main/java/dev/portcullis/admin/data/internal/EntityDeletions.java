package dev.portcullis.admin.data.internal;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.model.internal.Wording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hibernate.Hibernate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;

import dev.portcullis.admin.AdminChange;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.internal.PropertyValues;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import dev.portcullis.admin.data.DeletionPreview;
import dev.portcullis.admin.data.SaveRejectedException;

/**
 * Deletes administered rows as the {@link DeletionPlanner} plans them, and previews what a delete would take along.
 * Each entry point checks the delete permission and deletes only rows the user may see; every row removed is recorded.
 */
public final class EntityDeletions {

    private static final Logger LOG = LoggerFactory.getLogger(EntityDeletions.class);
    private static final int PREVIEW_BATCH = 500;

    private final EntityManager em;
    private final AdminRegistry registry;
    private final EntityIds ids;
    private final EntityQueries queries;
    private final HistorySnapshots snapshots;
    private final HistoryRecorder recorder;
    private final RowLabels labels;
    private final DeletionPlanner planner;

    public EntityDeletions(EntityManager em, AdminRegistry registry, EntityIds ids, EntityQueries queries,
            HistorySnapshots snapshots, HistoryRecorder recorder, RowLabels labels) {
        this.em = em;
        this.registry = registry;
        this.ids = ids;
        this.queries = queries;
        this.snapshots = snapshots;
        this.recorder = recorder;
        this.labels = labels;
        this.planner = new DeletionPlanner(em, labels);
    }

    public <T> DeletionPreview preview(AdminModel<T> model, Object id) {
        AdminAccess.require(model, AdminOperation.DELETE);
        queries.findScoped(model, id);
        DeletionPlan plan = planner.plan(model.entityClass(), List.of(id));
        return plan.preview(labels, this::loadRows).refusing(refusals(plan, false));
    }

    public <T> DeletionPreview preview(AdminModel<T> model, List<Object> candidates) {
        AdminAccess.require(model, AdminOperation.DELETE);
        List<Object> visible = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += PREVIEW_BATCH) {
            visible.addAll(queries.scopedIds(model, candidates.subList(from, Math.min(candidates.size(),
                    from + PREVIEW_BATCH))));
        }
        DeletionPlan plan = planner.plan(model.entityClass(), visible);
        return plan.preview(labels, this::loadRows).refusing(refusals(plan, visible.size() != 1));
    }

    public <T> void delete(AdminModel<T> model, Object id) {
        AdminAccess.require(model, AdminOperation.DELETE);
        deleteRows(model, List.of(queries.findScoped(model, id)));
    }

    public <T> int deleteBatch(AdminModel<T> model, List<Object> batch) {
        AdminAccess.require(model, AdminOperation.DELETE);
        deleteRows(model, batch.stream().map(id -> queries.findScoped(model, id)).toList());
        return batch.size();
    }

    /**
     * Deletes rows as planned: join-table links from rows that stay are removed first, then the rows (Hibernate
     * cascades the rest), all in the caller's transaction; every row removed is recorded in the history.
     */
    @SuppressWarnings("unchecked")
    private <T> void deleteRows(AdminModel<T> model, List<T> rows) {
        EntityCommands.refuseTouchingRightsBeyondEditor(model, rows, "delete");
        List<Object> rowIds = rows.stream().map(row -> PropertyValues.id(model, row)).toList();
        DeletionPlan plan = planner.plan(model.entityClass(), rowIds);
        DeletionPreview preview = plan.preview(labels, this::loadRows).refusing(refusals(plan, rows.size() != 1));
        String subject = rows.size() == 1 ? model.label() + " '" + labels.of(rows.getFirst()) + "'"
                : rows.size() + " " + model.pluralLabel().toLowerCase(Locale.ROOT);
        // The subject above is for the log and the history (stored, in English); this one is for the user.
        String shown = rows.size() == 1 ? Messages.get("admin.form.subject", Wording.noun(model), labels.of(rows.getFirst()))
                : Messages.get("admin.delete.rows", rows.size(), Wording.pluralNoun(model));
        if (!preview.refusals().isEmpty()) {
            // Checked before anything is written: the cascade would delete rows the user may not delete themselves.
            LOG.warn("Refused to delete {} for '{}': it would take along rows they may not delete", subject,
                    userName());
            throw new SaveRejectedException(Messages.get("admin.delete.refused", shown,
                    String.join(" ", preview.refusals())), false, null);
        }
        if (preview.blocked()) {
            throw new SaveRejectedException(rows.size() == 1
                    ? Messages.get("admin.delete.still-referred-one", shown, describe(preview.blockers()))
                    : Messages.get("admin.delete.still-referred-many", shown, describe(preview.blockers())), false, null);
        }
        List<Object[]> cascaded = new ArrayList<>();
        plan.cascaded().forEach((type, cascadedIds) -> loadRows(type, cascadedIds).forEach((id, row) ->
                cascaded.add(new Object[] {row, id, snapshotOf(row)})));
        List<Map<String, String>> before = rows.stream().map(row -> snapshots.of(model, row)).toList();
        try {
            for (DeletionPlan.Link link : plan.links()) {
                Object owner = em.find(link.ownerType(), link.ownerId());
                link.relation().collectionOf(owner).remove(em.find(link.targetType(), link.targetId()));
            }
            rows.forEach(em::remove);
            em.flush();
            String with = preview.cascades().isEmpty() ? null : "with " + describe(preview.cascades());
            for (int i = 0; i < rows.size(); i++) {
                recorder.record(model, AdminChange.Kind.DELETE, rows.get(i), HistorySnapshots.diff(before.get(i),
                        Map.of()), rows.size() == 1 ? with
                                : HistoryRecorder.abbreviate("one of " + subject + (with == null ? "" : ", " + with)));
            }
            for (Object[] row : cascaded) {
                recorder.recordCascaded(row[0], row[1], (Map<String, String>) row[2], "deleted with " + subject);
            }
        } catch (OptimisticLockException stale) {
            throw SaveFailures.stale(Wording.noun(model), stale);
        } catch (PersistenceException rejected) {
            throw SaveFailures.translate(model, rejected).orElseThrow(() -> rejected);
        }
    }

    /**
     * Django's rule for cascades: a delete may take along rows of another administered entity only when the user may
     * delete those too (the same check as deleting them directly). Types not in the admin (join rows, element
     * collections, unexposed entities) are not checked; superusers pass through the permission check itself.
     */
    private List<String> refusals(DeletionPlan plan, boolean plural) {
        Authentication user = AdminAccess.currentUser();
        List<String> reasons = new ArrayList<>();
        plan.cascaded().forEach((type, cascadedIds) -> registry.byClass(type).ifPresent(cascadedModel -> {
            if (!cascadedModel.admin().hasPermission(AdminOperation.DELETE, user, cascadedModel.permissions())) {
                long count = cascadedIds.stream().distinct().count();
                String what = Wording.pluralNoun(cascadedModel);
                String counted = count + " " + (count == 1 ? Wording.noun(cascadedModel) : what);
                reasons.add(plural ? Messages.get("admin.delete.may-not-cascade-many", what, counted)
                        : Messages.get("admin.delete.may-not-cascade-one", what, counted));
            }
        }));
        return reasons;
    }

    private static String userName() {
        Authentication user = AdminAccess.currentUser();
        return user == null ? "anonymous" : user.getName();
    }

    /** Rows of any entity class by id, keyed by id. */
    private Map<Object, Object> loadRows(Class<?> type, List<Object> wanted) {
        Map<Object, Object> rows = new LinkedHashMap<>();
        String jpql = "select r from " + em.getMetamodel().entity(type).getName() + " r where r." + ids.idName(type)
                + " in :ids";
        for (int from = 0; from < wanted.size(); from += PREVIEW_BATCH) {
            em.createQuery(jpql, type).setParameter("ids", wanted.subList(from, Math.min(wanted.size(),
                    from + PREVIEW_BATCH))).getResultList().forEach(row -> rows.put(ids.idOf(row), row));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> snapshotOf(Object row) {
        return registry.byClass(Hibernate.getClass(row)).map(m -> snapshots.of((AdminModel<Object>) m, row))
                .orElse(Map.of());
    }

    private static String describe(List<DeletionPreview.Group> groups) {
        return String.join(", ", groups.stream().map(DeletionPreview.Group::phrase).toList());
    }
}
