package dev.portcullis.admin.data;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

import dev.portcullis.admin.AdminAction;
import dev.portcullis.admin.AdminHistory;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;

import jakarta.persistence.EntityManager;
import dev.portcullis.admin.data.internal.AdminAccess;
import dev.portcullis.admin.data.internal.EntityCommands;
import dev.portcullis.admin.data.internal.EntityDeletions;
import dev.portcullis.admin.data.internal.EntityIds;
import dev.portcullis.admin.data.internal.EntityQueries;
import dev.portcullis.admin.data.internal.HistoryRecorder;
import dev.portcullis.admin.data.internal.HistorySnapshots;
import dev.portcullis.admin.data.internal.ListCriteria;
import dev.portcullis.admin.data.internal.ListExport;
import dev.portcullis.admin.data.internal.RelatedLookups;
import dev.portcullis.admin.data.internal.RowLabels;
import dev.portcullis.admin.data.internal.TextSearch;

/**
 * Loads and saves administered entities. Every method checks the signed-in user's permission on the server
 * before touching data, and applies the entity's row scoping, so a screen that forgot to hide a button still
 * cannot do what the user may not.
 * <p>
 * This class is the transactional entry point; the work is done by package-private classes, one job each: reading a
 * list's URL state ({@link ListCriteria}), queries, saves and actions, deletes, related-row look-ups and ids.
 */
public class AdminEntityService {

    /** Lists stop counting here and show "10,000+". */
    public static final int COUNT_LIMIT = 10_000;
    /** From this many rows to skip, a page without a cursor reads ids first and then only its own rows. */
    static final int DEFERRED_OFFSET = EntityQueries.DEFERRED_OFFSET;

    private final EntityIds ids;
    private final EntityQueries queries;
    private final ListExport exports;
    private final RelatedLookups lookups;
    private final EntityCommands commands;
    private final EntityDeletions deletions;

    /**
     * @param history where every add, change, delete, action and export is recorded, inside its transaction; when
     *                no {@link AdminHistory} bean exists nothing is recorded
     */
    public AdminEntityService(EntityManager em, AdminRegistry registry, ObjectProvider<AdminHistory> history) {
        HistorySnapshots snapshots = new HistorySnapshots(em.getEntityManagerFactory().getPersistenceUnitUtil());
        RowLabels labels = new RowLabels(registry);
        HistoryRecorder recorder = new HistoryRecorder(em, registry, history, labels);
        this.ids = new EntityIds(em, registry);
        TextSearch search = new TextSearch(em, ids);
        this.queries = new EntityQueries(em, ids, search);
        this.exports = new ListExport(em, queries, recorder);
        this.lookups = new RelatedLookups(em, registry, ids, search);
        this.commands = new EntityCommands(em, registry, queries, snapshots, recorder);
        this.deletions = new EntityDeletions(em, registry, ids, queries, snapshots, recorder, labels);
    }

    /** Whether the signed-in user may do the operation on the entity (for showing or hiding controls). */
    public boolean can(AdminModel<?> model, AdminOperation operation) {
        return model.admin().hasPermission(operation, AdminAccess.currentUser(), model.permissions());
    }

    /**
     * Reads a list's URL state once: search terms (looking up the related rows they match), filter values, order and
     * cursor. Hand the result to {@link #list(AdminModel, ListCriteria)} and {@link #count(AdminModel, ListCriteria)}
     * and show its {@link ListCriteria#problems()}. Needs view permission.
     */
    @Transactional(readOnly = true)
    public ListCriteria criteria(AdminModel<?> model, ListQuery query) {
        return queries.criteria(model, query);
    }

    @Transactional(readOnly = true)
    public <T> ListPage<T> list(AdminModel<T> model, ListQuery query) {
        return queries.list(model, queries.criteria(model, query));
    }

    /** One page of the rows the criteria match; needs view permission. */
    @Transactional(readOnly = true)
    public <T> ListPage<T> list(AdminModel<T> model, ListCriteria criteria) {
        return queries.list(model, criteria);
    }

    /**
     * Streams the rows a list shows (same search, filters and order, every page) to a consumer, at most
     * {@code limit} of them, without holding them all in memory. Needs the export permission. The export is recorded
     * in the history log with its row count, also when the consumer fails part-way (a download the browser aborted).
     *
     * @return rows handed to the consumer
     */
    @Transactional
    public <T> long export(AdminModel<T> model, ListQuery query, int limit, Consumer<T> rows) {
        return exports.export(model, query, limit, rows);
    }

    /** Counts matching rows, stopping at {@link #COUNT_LIMIT}: never a full count of a huge table. */
    @Transactional(readOnly = true)
    public CappedCount count(AdminModel<?> model, ListQuery query) {
        return queries.count(model, queries.criteria(model, query));
    }

    /** Counts the rows the criteria match, stopping at {@link #COUNT_LIMIT}; needs view permission. */
    @Transactional(readOnly = true)
    public CappedCount count(AdminModel<?> model, ListCriteria criteria) {
        return queries.count(model, criteria);
    }

    /**
     * The earliest and latest value of a date attribute among the rows the criteria match: {@code [min, max]}, or
     * null when none has one. Needs view permission.
     */
    @Transactional(readOnly = true)
    public Object[] dateSpan(AdminModel<?> model, ListCriteria criteria, String path) {
        return queries.dateSpan(model, criteria, path);
    }

    /** Loads one row for its form, with the relations the form shows. */
    @Transactional(readOnly = true)
    public <T> T get(AdminModel<T> model, Object id) {
        return queries.get(model, id);
    }

    /** A new, empty instance for the add form. */
    public <T> T newInstance(AdminModel<T> model) {
        return commands.newInstance(model);
    }

    /**
     * Saves a new or changed row.
     *
     * @throws AccessDeniedException when the user may not add or change it
     * @throws SaveRejectedException when the database refuses it (stale version, unique value taken, ...)
     */
    @Transactional(noRollbackFor = RightsRefusedException.class)
    public <T> T save(AdminModel<T> model, T entity) {
        return commands.save(model, entity, InlineEdits.NONE);
    }

    /**
     * Saves a new or changed row together with the changes of its inline rows, in one transaction and with one
     * history entry. When the save fails, the objects passed in are as they were before (no generated id or
     * version left behind), so the form can be corrected and saved again.
     *
     * @throws AccessDeniedException when the user may not add or change it, or the inline rows' entity
     * @throws SaveRejectedException when it is refused: invalid values, a stale version, a unique value taken, ...
     */
    @Transactional(noRollbackFor = RightsRefusedException.class)
    public <T> T save(AdminModel<T> model, T entity, InlineEdits inlines) {
        return commands.save(model, entity, inlines);
    }

    /**
     * Runs a custom action on the rows with the given ids, inside one transaction. The action's own permission is
     * checked here, and only rows the user may see are handed to it.
     *
     * @return the action's message for the user
     */
    @Transactional
    public <T> String runAction(AdminModel<T> model, AdminAction<T> action, List<Object> ids) {
        return commands.runAction(model, action, ids).message();
    }

    /** {@link #runAction}, also saying how many of the rows the action changed (the list words its report so). */
    @Transactional
    public <T> ActionOutcome runActionCounted(AdminModel<T> model, AdminAction<T> action, List<Object> ids) {
        return commands.runAction(model, action, ids);
    }

    /**
     * What deleting this row would take with it, from the mapping: cascaded rows at any depth, join-table links and
     * values, and the rows that block it. {@link #delete} removes exactly this.
     */
    @Transactional(readOnly = true)
    public <T> DeletionPreview previewDelete(AdminModel<T> model, Object id) {
        return deletions.preview(model, id);
    }

    /**
     * Deletes a row and everything its preview names, recording each row removed in the history.
     *
     * @throws SaveRejectedException when related rows block the delete; then nothing is deleted
     */
    @Transactional
    public <T> void delete(AdminModel<T> model, Object id) {
        deletions.delete(model, id);
    }

    /**
     * Deletes the rows with the given ids in one transaction: all of them with everything they take along, or (when
     * one is blocked or the database refuses) none. Bulk deletes call this once per bounded batch, so a failure rolls
     * back only the batch in progress.
     *
     * @return how many rows were deleted
     * @throws SaveRejectedException when a row cannot be deleted; the whole batch is then rolled back
     */
    @Transactional
    public <T> int deleteBatch(AdminModel<T> model, List<Object> ids) {
        return deletions.deleteBatch(model, ids);
    }

    /**
     * The next ids of rows matching a list's search and filters, in id order after {@code afterId} (null for the
     * first): bulk work walks "all rows matching" with this, a bounded batch at a time.
     */
    @Transactional(readOnly = true)
    public <T> List<Object> matchingIds(AdminModel<T> model, ListQuery query, Object afterId, int limit) {
        return queries.matchingIds(model, query, afterId, limit);
    }

    /** What deleting all these rows would take with them, and what would block it, added up. */
    @Transactional(readOnly = true)
    public <T> DeletionPreview previewDelete(AdminModel<T> model, List<Object> ids) {
        return deletions.preview(model, ids);
    }

    /**
     * Rows of a related entity for a combo box, searched on the server: only one page is ever loaded.
     * Needs view permission on the related entity when it is itself administered.
     */
    @Transactional(readOnly = true)
    public <R> List<R> lookup(Class<R> target, String filter, int offset, int limit) {
        return lookups.lookup(target, filter, offset, limit);
    }

    /** How many rows {@link #lookup} can page through, stopping at {@link #COUNT_LIMIT}. */
    @Transactional(readOnly = true)
    public <R> int lookupCount(Class<R> target, String filter) {
        return lookups.lookupCount(target, filter);
    }

    /** One row of a related entity by id, for showing a chosen value; null when it does not exist. */
    @Transactional(readOnly = true)
    public <R> R findChoice(Class<R> target, Object id) {
        return lookups.findChoice(target, id);
    }

    /** The id of any entity instance, or null when it is new. */
    public Object idOf(Object entity) {
        return ids.idOf(entity);
    }

    /** Converts an id from its text form in a URL to the model's id type. */
    public Object parseId(AdminModel<?> model, String text) {
        return ids.parseId(model, text);
    }

    /** Converts the text form of a related entity's id to its type; null when it does not parse. */
    public Object parseRelatedId(Class<?> target, String text) {
        return ids.parseRelatedId(target, text);
    }

    /** A sort key from a URL is honoured only if it is a sortable column or part of the default ordering. */
    public boolean isSortable(AdminModel<?> model, String path) {
        return ListCriteria.isSortable(model, path);
    }
}
