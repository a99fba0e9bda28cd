package dev.portcullis.admin.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Hibernate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

import dev.portcullis.admin.AdminAction;
import dev.portcullis.admin.AdminChange;
import dev.portcullis.admin.AdminChange.FieldChange;
import dev.portcullis.admin.AdminHistory;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.PropertyValues;
import dev.portcullis.admin.model.SortOrder;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;

/**
 * Loads and saves administered entities. Every method checks the signed-in user's permission on the server
 * before touching data, and applies the entity's row scoping, so a screen that forgot to hide a button still
 * cannot do what the user may not.
 */
public class AdminEntityService {

    /** Lists stop counting here and show "10,000+". */
    public static final int COUNT_LIMIT = 10_000;
    private static final int MAX_SEARCH_TERMS = 10;
    /** From this many rows to skip, a page without a cursor reads ids first and then only its own rows. */
    static final int DEFERRED_OFFSET = 500;
    /** Up to this many related rows matching a search are matched by foreign key rather than by a join. */
    private static final int RELATED_MATCHES = 1_000;
    private static final int EXPORT_CLEAR_EVERY = 100;

    private static final int PREVIEW_BATCH = 500;
    private static final int LABEL_LENGTH = 200;

    private final EntityManager em;
    private final AdminRegistry registry;
    private final ObjectProvider<AdminHistory> history;
    private final HistorySnapshots snapshots;
    private final RowLabels labels;
    private final DeletionPlanner planner;

    /**
     * @param history where every add, change, delete, action and export is recorded, inside its transaction; when
     *                no {@link AdminHistory} bean exists nothing is recorded
     */
    public AdminEntityService(EntityManager em, AdminRegistry registry, ObjectProvider<AdminHistory> history) {
        this.em = em;
        this.registry = registry;
        this.history = history;
        this.snapshots = new HistorySnapshots(em.getEntityManagerFactory().getPersistenceUnitUtil());
        this.labels = new RowLabels(registry);
        this.planner = new DeletionPlanner(em, labels);
    }

    /** Whether the signed-in user may do the operation on the entity (for showing or hiding controls). */
    public boolean can(AdminModel<?> model, AdminOperation operation) {
        return model.admin().hasPermission(operation, currentUser(), model.permissions());
    }

    @Transactional(readOnly = true)
    public <T> ListPage<T> list(AdminModel<T> model, ListQuery query) {
        Authentication user = require(model, AdminOperation.VIEW);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> cq = cb.createQuery(model.entityClass());
        Root<T> root = cq.from(model.entityClass());
        Joins joins = new Joins(root, true);
        model.columns().stream()
                .filter(c -> c.field() != null && (c.field().kind() == FieldKind.MANY_TO_ONE || c.key().contains(".")))
                .forEach(c -> joins.path(c.key()));
        List<SortOrder> terms = terms(model, query);
        boolean keyset = Keyset.supports(model, terms);
        Keyset.Parsed cursor = keyset && query.cursor() != null ? Keyset.parse(query.cursor(), model, terms) : null;
        List<Predicate> where = new ArrayList<>(List.of(where(model, query, root, joins, cb, user)));
        if (cursor != null) {
            where.add(Keyset.predicate(cb, terms.stream().<Path<?>>map(t -> joins.path(t.path())).toList(), terms,
                    cursor));
        }
        boolean backwards = cursor != null && !cursor.after();
        cq.select(root).where(where.toArray(Predicate[]::new))
                .orderBy(orders(backwards ? reversed(terms) : terms, joins, cb));
        int size = model.listPerPage();
        int offset = cursor != null ? 0 : (query.page() - 1) * size;
        List<T> rows = offset >= DEFERRED_OFFSET ? deepPage(model, query, user, terms, offset, size + 1)
                : em.createQuery(cq).setFirstResult(offset).setMaxResults(size + 1).getResultList();
        boolean more = rows.size() > size;
        rows = new ArrayList<>(more ? rows.subList(0, size) : rows);
        if (backwards) {
            java.util.Collections.reverse(rows);
        }
        boolean hasNext = backwards || more;
        boolean hasPrevious = backwards ? more : query.page() > 1;
        String next = keyset && hasNext && !rows.isEmpty()
                ? Keyset.cursor(Keyset.AFTER, model, terms, rows.getLast()) : null;
        String previous = keyset && hasPrevious && !rows.isEmpty()
                ? Keyset.cursor(Keyset.BEFORE, model, terms, rows.getFirst()) : null;
        return new ListPage<>(rows, query.page(), size, hasNext, next, previous);
    }

    /**
     * A page far from the start without a cursor (a bookmarked or typed page number): skip rows by reading ids only,
     * which the database can do from an index, then load just the page's rows.
     */
    private <T> List<T> deepPage(AdminModel<T> model, ListQuery query, Authentication user, List<SortOrder> terms,
            int offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> ids = cb.createQuery(Object.class);
        Root<T> idRoot = ids.from(model.entityClass());
        Joins idJoins = new Joins(idRoot, false);
        ids.select(idRoot.get(model.idAttribute())).where(where(model, query, idRoot, idJoins, cb, user))
                .orderBy(orders(terms, idJoins, cb));
        List<Object> page = em.createQuery(ids).setFirstResult(offset).setMaxResults(limit).getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        CriteriaQuery<T> cq = cb.createQuery(model.entityClass());
        Root<T> root = cq.from(model.entityClass());
        Joins joins = new Joins(root, true);
        model.columns().stream()
                .filter(c -> c.field() != null && (c.field().kind() == FieldKind.MANY_TO_ONE || c.key().contains(".")))
                .forEach(c -> joins.path(c.key()));
        Map<Object, T> byId = new HashMap<>();
        em.createQuery(cq.select(root).where(root.get(model.idAttribute()).in(page))).getResultList()
                .forEach(row -> byId.put(PropertyValues.id(model, row), row));
        return page.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static List<SortOrder> reversed(List<SortOrder> terms) {
        return terms.stream().map(t -> new SortOrder(t.path(), !t.descending())).toList();
    }

    /**
     * Streams the rows a list shows (same search, filters and order, every page) to a consumer, at most
     * {@code limit} of them, without holding them all in memory. Needs the export permission. The export is recorded
     * in the history log with its row count, also when the consumer fails part-way (a download the browser aborted).
     *
     * @return rows handed to the consumer
     */
    @Transactional
    public <T> long export(AdminModel<T> model, ListQuery query, int limit, java.util.function.Consumer<T> rows) {
        Authentication user = require(model, AdminOperation.EXPORT);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> cq = cb.createQuery(model.entityClass());
        Root<T> root = cq.from(model.entityClass());
        Joins joins = new Joins(root, true);
        model.columns().stream()
                .filter(c -> c.field() != null && (c.field().kind() == FieldKind.MANY_TO_ONE || c.key().contains(".")))
                .forEach(c -> joins.path(c.key()));
        cq.select(root).where(where(model, query, root, joins, cb, user)).orderBy(orders(terms(model, query), joins, cb));
        long written = 0;
        String interrupted = "";
        try (java.util.stream.Stream<T> stream = em.createQuery(cq).setMaxResults(limit)
                .setHint("org.hibernate.fetchSize", 500).setHint("org.hibernate.readOnly", true).getResultStream()) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                rows.accept(iterator.next());
                if (++written % EXPORT_CLEAR_EVERY == 0) {
                    em.clear(); // rows already written need not stay in the persistence context
                }
            }
        } catch (java.io.UncheckedIOException aborted) {
            interrupted = "; interrupted: " + aborted.getCause().getMessage();
        }
        recordMany(model, AdminChange.Kind.EXPORT, written, "CSV, " + describe(query)
                + (written == limit ? "; stopped at the limit of " + limit + " rows" : "") + interrupted);
        return written;
    }

    /** The list state in words, for the history log: "search 'x', genre=SCIFI, order -title". */
    private static String describe(ListQuery query) {
        List<String> parts = new ArrayList<>();
        if (!query.search().isEmpty()) {
            parts.add("search '" + query.search() + "'");
        }
        new java.util.TreeMap<>(query.filters()).forEach((name, value) -> parts.add(name + "=" + value));
        if (query.sort() != null) {
            parts.add("order " + query.sort());
        }
        return parts.isEmpty() ? "all rows" : String.join(", ", parts);
    }

    /** Counts matching rows, stopping at {@link #COUNT_LIMIT}: never a full count of a huge table. */
    @Transactional(readOnly = true)
    public CappedCount count(AdminModel<?> model, ListQuery query) {
        return countCapped(model, query);
    }

    private <T> CappedCount countCapped(AdminModel<T> model, ListQuery query) {
        Authentication user = require(model, AdminOperation.VIEW);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> cq = cb.createQuery(Object.class);
        Root<T> root = cq.from(model.entityClass());
        Joins joins = new Joins(root, false);
        cq.select(root.get(model.idAttribute())).where(where(model, query, root, joins, cb, user));
        int found = em.createQuery(cq).setMaxResults(COUNT_LIMIT + 1).getResultList().size();
        return new CappedCount(Math.min(found, COUNT_LIMIT), found > COUNT_LIMIT);
    }

    /** Loads one row for its form, with the relations the form shows. */
    @Transactional(readOnly = true)
    public <T> T get(AdminModel<T> model, Object id) {
        require(model, AdminOperation.VIEW);
        T entity = findScoped(model, id);
        for (AdminField field : model.formFields()) {
            if (field.kind().isRelation() || field.kind() == FieldKind.ELEMENT_COLLECTION) {
                Object value = PropertyValues.read(entity, field.path());
                Hibernate.initialize(value);
                if (field.kind() == FieldKind.ONE_TO_MANY && value instanceof java.util.Collection<?> children) {
                    initializeInlineRelations(model, field, children);
                }
            }
        }
        return entity;
    }

    /** Inline rows show their to-one values (a line's book) after the session is gone. */
    private static void initializeInlineRelations(AdminModel<?> model, AdminField field, java.util.Collection<?> children) {
        children.stream().limit(100).forEach(child -> model.inlineRows(field.path()).stream()
                .filter(column -> column.kind() == FieldKind.MANY_TO_ONE)
                .forEach(column -> Hibernate.initialize(PropertyValues.read(child, column.path()))));
    }

    /** A new, empty instance for the add form. */
    public <T> T newInstance(AdminModel<T> model) {
        require(model, AdminOperation.ADD);
        try {
            var constructor = model.entityClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.entityClass().getName() + " needs a no-argument constructor", e);
        }
    }

    /**
     * Saves a new or changed row.
     *
     * @throws AccessDeniedException when the user may not add or change it
     * @throws SaveRejectedException when the database refuses it (stale version, unique value taken, ...)
     */
    @Transactional(noRollbackFor = RightsRefusedException.class)
    public <T> T save(AdminModel<T> model, T entity) {
        return save(model, entity, InlineEdits.NONE);
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
        Object id = PropertyValues.id(model, entity);
        boolean isNew = id == null || em.find(model.entityClass(), id) == null;
        require(model, isNew ? AdminOperation.ADD : AdminOperation.CHANGE);
        T stored = isNew ? null : findScoped(model, id);
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
            String inlineNote = new InlineWriter(em, registry, this::require).apply(model, saved, inlines);
            em.flush();
            record(model, isNew ? AdminChange.Kind.ADD : AdminChange.Kind.CHANGE, saved,
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
        String refused = RightsGuard.refusal(model, stored, submitted, currentUser());
        if (refused != null) {
            record(model, AdminChange.Kind.ACTION, stored != null ? stored : submitted, List.of(),
                    "Refused: " + refused);
            throw new RightsRefusedException(refused);
        }
    }

    /**
     * Rights-holding entities: a row granting rights the editor lacks (a superuser, for a user without that right) is
     * neither deleted nor handed to a custom action by them. Checked before anything is written.
     */
    private <T> void refuseTouchingRightsBeyondEditor(AdminModel<T> model, List<T> rows, String verb) {
        Authentication editor = currentUser();
        for (T row : rows) {
            String refused = RightsGuard.refusalToTouch(model, row, editor, verb);
            if (refused != null) {
                throw new RightsRefusedException(refused);
            }
        }
    }

    /**
     * Runs a custom action on the rows with the given ids, inside one transaction. The action's own permission is
     * checked here, and only rows the user may see are handed to it.
     *
     * @return the action's message for the user
     */
    @Transactional
    public <T> String runAction(AdminModel<T> model, AdminAction<T> action, List<Object> ids) {
        require(model, AdminOperation.VIEW);
        Authentication user = currentUser();
        if (!AdminPermissions.grants(user, action.permission())) {
            throw new AccessDeniedException("'" + (user == null ? "anonymous" : user.getName()) + "' may not run '"
                    + action.label() + "'");
        }
        List<T> rows = ids.stream().map(id -> findScoped(model, id)).toList();
        refuseTouchingRightsBeyondEditor(model, rows, "change");
        List<Map<String, String>> before = rows.stream().map(row -> snapshots.of(model, row)).toList();
        String message = action.handler().apply(rows);
        em.flush();
        for (int i = 0; i < rows.size(); i++) {
            T row = rows.get(i);
            if (em.contains(row)) {
                List<FieldChange> changes = HistorySnapshots.diff(before.get(i), snapshots.of(model, row));
                if (!changes.isEmpty()) {
                    record(model, AdminChange.Kind.CHANGE, row, changes, "by the action '" + action.label() + "'");
                }
            }
        }
        recordMany(model, AdminChange.Kind.ACTION, rows.size(), action.label() + ": " + message);
        return message;
    }

    /**
     * What deleting this row would take with it, from the mapping: cascaded rows at any depth, join-table links and
     * values, and the rows that block it. {@link #delete} removes exactly this.
     */
    @Transactional(readOnly = true)
    public <T> DeletionPreview previewDelete(AdminModel<T> model, Object id) {
        require(model, AdminOperation.DELETE);
        findScoped(model, id);
        return planner.plan(model.entityClass(), List.of(id)).preview(labels, this::loadRows);
    }

    /**
     * Deletes a row and everything its preview names, recording each row removed in the history.
     *
     * @throws SaveRejectedException when related rows block the delete; then nothing is deleted
     */
    @Transactional
    public <T> void delete(AdminModel<T> model, Object id) {
        require(model, AdminOperation.DELETE);
        deleteRows(model, List.of(findScoped(model, id)));
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
        require(model, AdminOperation.DELETE);
        deleteRows(model, ids.stream().map(id -> findScoped(model, id)).toList());
        return ids.size();
    }

    /**
     * The next ids of rows matching a list's search and filters, in id order after {@code afterId} (null for the
     * first): bulk work walks "all rows matching" with this, a bounded batch at a time.
     */
    @Transactional(readOnly = true)
    public <T> List<Object> matchingIds(AdminModel<T> model, ListQuery query, Object afterId, int limit) {
        Authentication user = require(model, AdminOperation.VIEW);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> cq = cb.createQuery(Object.class);
        Root<T> root = cq.from(model.entityClass());
        List<Predicate> where = new ArrayList<>(List.of(where(model, query, root, new Joins(root, false), cb, user)));
        Path<Comparable<Object>> id = root.get(model.idAttribute());
        if (afterId != null) {
            @SuppressWarnings("unchecked")
            Comparable<Object> after = (Comparable<Object>) afterId;
            where.add(cb.greaterThan(id, after));
        }
        cq.select(id).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(id));
        return em.createQuery(cq).setMaxResults(limit).getResultList();
    }

    /** What deleting all these rows would take with them, and what would block it, added up. */
    @Transactional(readOnly = true)
    public <T> DeletionPreview previewDelete(AdminModel<T> model, List<Object> ids) {
        require(model, AdminOperation.DELETE);
        List<Object> visible = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PREVIEW_BATCH) {
            visible.addAll(scopedIds(model, ids.subList(from, Math.min(ids.size(), from + PREVIEW_BATCH))));
        }
        return planner.plan(model.entityClass(), visible).preview(labels, this::loadRows);
    }

    /** The ids among these that the user may see (row scoping applied). */
    private <T> List<Object> scopedIds(AdminModel<T> model, List<Object> ids) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> cq = cb.createQuery(Object.class);
        Root<T> root = cq.from(model.entityClass());
        List<Predicate> where = new ArrayList<>(List.of(root.get(model.idAttribute()).in(ids)));
        Predicate scope = model.admin().scope(root, cb, currentUser());
        if (scope != null) {
            where.add(scope);
        }
        return em.createQuery(cq.select(root.get(model.idAttribute())).where(where.toArray(Predicate[]::new)))
                .getResultList();
    }

    /**
     * Deletes rows as planned: join-table links from rows that stay are removed first, then the rows (Hibernate
     * cascades the rest), all in the caller's transaction; every row removed is recorded in the history.
     */
    private <T> void deleteRows(AdminModel<T> model, List<T> rows) {
        refuseTouchingRightsBeyondEditor(model, rows, "delete");
        List<Object> ids = rows.stream().map(row -> PropertyValues.id(model, row)).toList();
        DeletionPlan plan = planner.plan(model.entityClass(), ids);
        DeletionPreview preview = plan.preview(labels, this::loadRows);
        String subject = rows.size() == 1 ? model.label() + " '" + labels.of(rows.getFirst(), ids.getFirst()) + "'"
                : rows.size() + " " + model.pluralLabel().toLowerCase(Locale.ROOT);
        if (preview.blocked()) {
            throw new SaveRejectedException(subject + " cannot be deleted: " + describe(preview.blockers())
                    + " still refer to " + (rows.size() == 1 ? "it" : "them") + ".", false, null);
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
                record(model, AdminChange.Kind.DELETE, rows.get(i), HistorySnapshots.diff(before.get(i), Map.of()),
                        rows.size() == 1 ? with : abbreviate("one of " + subject + (with == null ? "" : ", " + with)));
            }
            for (Object[] row : cascaded) {
                recordCascaded(row[0], row[1], (Map<String, String>) row[2], "deleted with " + subject);
            }
        } catch (OptimisticLockException stale) {
            throw staleVersion(model, stale);
        } catch (PersistenceException rejected) {
            throw translate(model, rejected);
        }
    }

    /** Rows of any entity class by id, keyed by id. */
    private Map<Object, Object> loadRows(Class<?> type, List<Object> ids) {
        Map<Object, Object> rows = new java.util.LinkedHashMap<>();
        String jpql = "select r from " + em.getMetamodel().entity(type).getName() + " r where r." + idName(type)
                + " in :ids";
        for (int from = 0; from < ids.size(); from += PREVIEW_BATCH) {
            em.createQuery(jpql, type).setParameter("ids", ids.subList(from, Math.min(ids.size(), from + PREVIEW_BATCH)))
                    .getResultList().forEach(row -> rows.put(idOf(row), row));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> snapshotOf(Object row) {
        return registry.byClass(Hibernate.getClass(row)).map(m -> snapshots.of((AdminModel<Object>) m, row))
                .orElse(Map.of());
    }

    /** A row removed along with the deleted ones, under its own entity's name so its history shows it. */
    private void recordCascaded(Object row, Object id, Map<String, String> before, String detail) {
        AdminHistory log = history.getIfAvailable();
        if (log != null) {
            Class<?> type = Hibernate.getClass(row);
            String entity = registry.byClass(type).map(AdminModel::slug)
                    .orElse(em.getMetamodel().entity(type).getName().toLowerCase(Locale.ROOT));
            log.record(currentUser(), new AdminChange(AdminChange.Kind.DELETE, entity, String.valueOf(id),
                    abbreviate(labels.of(row, id)), HistorySnapshots.diff(before, Map.of()), abbreviate(detail)));
        }
    }

    /**
     * Rows of a related entity for a combo box, searched on the server: only one page is ever loaded.
     * Needs view permission on the related entity when it is itself administered.
     */
    @Transactional(readOnly = true)
    public <R> List<R> lookup(Class<R> target, String filter, int offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<R> cq = cb.createQuery(target);
        Root<R> root = cq.from(target);
        List<String> searchPaths = lookupPaths(target);
        Joins joins = new Joins(root, false);
        cq.select(root).where(lookupWhere(target, filter, root, joins, searchPaths, cb));
        List<Order> orders = new ArrayList<>();
        if (!searchPaths.isEmpty()) {
            orders.add(cb.asc(joins.path(searchPaths.getFirst())));
        }
        orders.add(cb.asc(root.get(idName(target))));
        cq.orderBy(orders);
        return em.createQuery(cq).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** How many rows {@link #lookup} can page through, stopping at {@link #COUNT_LIMIT}. */
    @Transactional(readOnly = true)
    public <R> int lookupCount(Class<R> target, String filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> cq = cb.createQuery(Object.class);
        Root<R> root = cq.from(target);
        cq.select(root.get(idName(target)))
                .where(lookupWhere(target, filter, root, new Joins(root, false), lookupPaths(target), cb));
        return Math.min(em.createQuery(cq).setMaxResults(COUNT_LIMIT + 1).getResultList().size(), COUNT_LIMIT);
    }

    /** One row of a related entity by id, for showing a chosen value; null when it does not exist. */
    @Transactional(readOnly = true)
    public <R> R findChoice(Class<R> target, Object id) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<R> cq = cb.createQuery(target);
        Root<R> root = cq.from(target);
        List<Predicate> where = new ArrayList<>(List.of(lookupWhere(target, null, root, new Joins(root, false),
                List.of(), cb)));
        where.add(cb.equal(root.get(idName(target)), id));
        List<R> found = em.createQuery(cq.select(root).where(where.toArray(Predicate[]::new))).getResultList();
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The id of any entity instance, or null when it is new. */
    public Object idOf(Object entity) {
        return em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
    }

    private <R> List<String> lookupPaths(Class<R> target) {
        return registry.byClass(target).map(AdminModel::searchPaths).filter(p -> !p.isEmpty())
                .orElseGet(() -> firstTextAttribute(target));
    }

    /** Lookups need view permission on the related entity when it is itself administered, as in Django. */
    private <R> Predicate[] lookupWhere(Class<R> target, String filter, Root<R> root, Joins joins,
            List<String> searchPaths, CriteriaBuilder cb) {
        Authentication user = currentUser();
        var targetModel = registry.byClass(target);
        if (targetModel.isPresent()) {
            require(targetModel.get(), AdminOperation.VIEW);
        } else if (user == null || !user.isAuthenticated()) {
            throw new AccessDeniedException("Sign in first");
        }
        List<Predicate> where = new ArrayList<>();
        if (filter != null && !filter.isBlank() && !searchPaths.isEmpty()) {
            where.add(searchPredicate(filter, searchPaths, joins, cb));
        }
        targetModel.ifPresent(m -> {
            Predicate scope = m.admin().scope(root, cb, user);
            if (scope != null) {
                where.add(scope);
            }
        });
        return where.toArray(Predicate[]::new);
    }

    /** Converts an id from its text form in a URL to the model's id type. */
    public Object parseId(AdminModel<?> model, String text) {
        Class<?> type = model.idType();
        try {
            if (type == Long.class || type == long.class) {
                return Long.valueOf(text);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(text);
            }
            if (type == UUID.class) {
                return UUID.fromString(text);
            }
            return text;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** Converts the text form of a related entity's id to its type; null when it does not parse. */
    public Object parseRelatedId(Class<?> target, String text) {
        var model = registry.byClass(target);
        if (model.isPresent()) {
            return parseId(model.get(), text);
        }
        EntityType<?> entity = em.getMetamodel().entity(target);
        Class<?> type = entity.getIdType().getJavaType();
        try {
            return type == Long.class ? Long.valueOf(text) : type == Integer.class ? Integer.valueOf(text)
                    : type == UUID.class ? UUID.fromString(text) : text;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private <T> T findScoped(AdminModel<T> model, Object id) {
        Authentication user = currentUser();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> cq = cb.createQuery(model.entityClass());
        Root<T> root = cq.from(model.entityClass());
        List<Predicate> where = new ArrayList<>(List.of(cb.equal(root.get(model.idAttribute()), id)));
        Predicate scope = model.admin().scope(root, cb, user);
        if (scope != null) {
            where.add(scope);
        }
        List<T> found = em.createQuery(cq.select(root).where(where.toArray(Predicate[]::new))).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException(model.label() + " #" + id + " does not exist (or you may not see it).");
        }
        return found.getFirst();
    }

    private <T> void record(AdminModel<T> model, AdminChange.Kind kind, T entity, List<FieldChange> fields,
            String detail) {
        AdminHistory log = history.getIfAvailable();
        if (log != null) {
            Object id = PropertyValues.id(model, entity);
            log.record(currentUser(), new AdminChange(kind, model.slug(), id == null ? null : String.valueOf(id),
                    abbreviate(dev.portcullis.admin.model.EntityLabels.of(entity)), fields, detail));
        }
    }

    private void recordMany(AdminModel<?> model, AdminChange.Kind kind, long rows, String detail) {
        AdminHistory log = history.getIfAvailable();
        if (log != null) {
            log.record(currentUser(), new AdminChange(kind, model.slug(), null, new CappedCount(rows, false)
                    .describe(model.label(), model.pluralLabel()), List.of(), abbreviate(detail)));
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1) + "…";
    }

    private Authentication require(AdminModel<?> model, AdminOperation operation) {
        Authentication user = currentUser();
        if (!model.admin().hasPermission(operation, user, model.permissions())) {
            throw new AccessDeniedException("'" + (user == null ? "anonymous" : user.getName()) + "' may not "
                    + operation.authorityName() + " " + model.pluralLabel().toLowerCase(Locale.ROOT));
        }
        return user;
    }

    private static Authentication currentUser() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private <T> Predicate[] where(AdminModel<T> model, ListQuery query, Root<T> root, Joins joins, CriteriaBuilder cb,
            Authentication user) {
        List<Predicate> where = new ArrayList<>();
        if (!query.search().isEmpty() && !model.searchPaths().isEmpty()) {
            where.add(searchPredicate(query.search(), model.searchPaths(), joins, cb));
        }
        ListFilters.Parsed filters = ListFilters.parse(model, query.filters(), this);
        for (Map.Entry<AdminField, ListFilters.Value> entry : filters.values().entrySet()) {
            where.add(filterPredicate(entry.getKey(), entry.getValue(), joins, cb));
        }
        Predicate scope = model.admin().scope(root, cb, user);
        if (scope != null) {
            where.add(scope);
        }
        return where.toArray(Predicate[]::new);
    }

    private Predicate searchPredicate(String search, List<String> paths, Joins joins, CriteriaBuilder cb) {
        List<Predicate> terms = new ArrayList<>();
        Arrays.stream(search.toLowerCase(Locale.ROOT).split("\\s+")).filter(t -> !t.isEmpty())
                .limit(MAX_SEARCH_TERMS).forEach(term -> {
                    String pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                    Predicate[] any = paths.stream().map(path -> textMatch(path, pattern, joins, cb))
                            .toArray(Predicate[]::new);
                    terms.add(cb.or(any));
                });
        return cb.and(terms.toArray(Predicate[]::new));
    }

    /**
     * {@code lower(path) like pattern}. For a path across a to-one relation ("author.name") the matching related ids
     * are looked up first and the rows are matched by foreign key: then every term of the search is on the listed
     * table itself, and PostgreSQL can combine a trigram index on the title with the index on author_id instead of
     * joining and scanning. When very many related rows match, the plain join is used.
     */
    private Predicate textMatch(String path, String pattern, Joins joins, CriteriaBuilder cb) {
        int dot = path.indexOf('.');
        if (dot > 0 && path.indexOf('.', dot + 1) < 0) {
            String relation = path.substring(0, dot);
            Attribute<?, ?> attribute = joins.root.getModel().getAttribute(relation);
            if (attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.MANY_TO_ONE
                    || attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.ONE_TO_ONE) {
                Class<?> target = attribute.getJavaType();
                String id = idName(target);
                List<Object> ids = em.createQuery("select r." + id + " from " + em.getMetamodel().entity(target)
                        .getName() + " r where lower(r." + path.substring(dot + 1) + ") like :pattern escape '\\'",
                        Object.class).setParameter("pattern", pattern).setMaxResults(RELATED_MATCHES + 1)
                        .getResultList();
                if (ids.size() <= RELATED_MATCHES) {
                    return ids.isEmpty() ? cb.disjunction() : joins.root.get(relation).get(id).in(ids);
                }
            }
        }
        return cb.like(cb.lower(joins.path(path).as(String.class)), pattern, '\\');
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate filterPredicate(AdminField field, ListFilters.Value value, Joins joins, CriteriaBuilder cb) {
        Path<?> path = joins.path(field.path());
        return switch (field.kind()) {
            case MANY_TO_ONE -> {
                yield cb.equal(joins.path(field.path() + "." + idName(field.target())), value.single());
            }
            case DATE -> range(cb, (Expression<LocalDate>) path, (LocalDate) value.from(), (LocalDate) value.to());
            case DATE_TIME -> range(cb, (Expression<LocalDateTime>) path,
                    value.from() == null ? null : ((LocalDate) value.from()).atStartOfDay(),
                    value.to() == null ? null : ((LocalDate) value.to()).plusDays(1).atStartOfDay().minusNanos(1000));
            case INSTANT -> range(cb, (Expression<Instant>) path,
                    value.from() == null ? null : ((LocalDate) value.from()).atStartOfDay().toInstant(ZoneOffset.UTC),
                    value.to() == null ? null
                            : ((LocalDate) value.to()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000));
            default -> cb.equal(path, value.single());
        };
    }

    private static <Y extends Comparable<? super Y>> Predicate range(CriteriaBuilder cb, Expression<Y> path, Y from,
            Y to) {
        List<Predicate> parts = new ArrayList<>();
        if (from != null) {
            parts.add(cb.greaterThanOrEqualTo(path, from));
        }
        if (to != null) {
            parts.add(cb.lessThanOrEqualTo(path, to));
        }
        return cb.and(parts.toArray(Predicate[]::new));
    }

    /**
     * The order of a list: the requested column, then the model's ordering, then the id so that every row has a
     * unique place (stable pages, and a key to seek by). The id follows the first term's direction, so the default
     * order "-publishedOn" reads an index on (published_on, id) backwards, with no sort step.
     */
    private <T> List<SortOrder> terms(AdminModel<T> model, ListQuery query) {
        List<SortOrder> sort = new ArrayList<>();
        if (query.sort() != null && isSortable(model, query.sort().path())) {
            sort.add(query.sort());
        }
        sort.addAll(model.ordering());
        List<SortOrder> terms = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (SortOrder order : sort) {
            if (!seen.contains(order.path())) {
                seen.add(order.path());
                terms.add(order);
            }
        }
        if (!seen.contains(model.idAttribute())) {
            terms.add(new SortOrder(model.idAttribute(), !terms.isEmpty() && terms.getFirst().descending()));
        }
        return terms;
    }

    private static List<Order> orders(List<SortOrder> terms, Joins joins, CriteriaBuilder cb) {
        return terms.stream().map(term -> term.descending() ? cb.desc(joins.path(term.path()))
                : cb.asc(joins.path(term.path()))).toList();
    }

    /** A sort key from a URL is honoured only if it is a sortable column or part of the default ordering. */
    public boolean isSortable(AdminModel<?> model, String path) {
        return model.column(path).map(c -> c.sortable()).orElse(false)
                || model.ordering().stream().anyMatch(o -> o.path().equals(path));
    }

    private static String describe(List<DeletionPreview.Group> groups) {
        return String.join(", ", groups.stream().map(DeletionPreview.Group::phrase).toList());
    }

    private static SaveRejectedException staleVersion(AdminModel<?> model, Exception cause) {
        return SaveFailures.stale(model.label().toLowerCase(Locale.ROOT), cause);
    }

    private static SaveRejectedException translate(AdminModel<?> model, PersistenceException rejected) {
        return SaveFailures.translate(model, rejected).orElseThrow(() -> rejected);
    }

    /** The name of an entity's single id attribute. */
    private String idName(Class<?> type) {
        EntityType<?> entity = em.getMetamodel().entity(type);
        return entity.getId(entity.getIdType().getJavaType()).getName();
    }

    private List<String> firstTextAttribute(Class<?> type) {
        return em.getMetamodel().entity(type).getSingularAttributes().stream()
                .filter(a -> a.getJavaType() == String.class).map(Attribute::getName).sorted().limit(1).toList();
    }

    /** Joins reused per query, so a path crossing a relation joins it once. */
    private static final class Joins {

        private final Root<?> root;
        private final boolean fetch;
        private final Map<String, From<?, ?>> joins = new HashMap<>();

        Joins(Root<?> root, boolean fetch) {
            this.root = root;
            this.fetch = fetch;
        }

        @SuppressWarnings("unchecked")
        Path<Object> path(String dotted) {
            String[] segments = dotted.split("\\.");
            From<?, ?> from = root;
            String prefix = "";
            for (int i = 0; i < segments.length - 1; i++) {
                prefix = prefix.isEmpty() ? segments[i] : prefix + "." + segments[i];
                From<?, ?> parent = from;
                String segment = segments[i];
                Attribute<?, ?> attribute = parent.getModel() instanceof jakarta.persistence.metamodel.ManagedType<?> type
                        ? type.getAttribute(segment) : null;
                if (attribute != null && attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.EMBEDDED) {
                    Path<Object> embedded = parent.get(segment);
                    for (int j = i + 1; j < segments.length; j++) {
                        embedded = embedded.get(segments[j]);
                    }
                    return embedded;
                }
                from = joins.computeIfAbsent(prefix, p -> fetch
                        ? (Join<?, ?>) parent.fetch(segment, JoinType.LEFT)
                        : parent.join(segment, JoinType.LEFT));
            }
            String last = segments[segments.length - 1];
            if (segments.length == 1 && fetch && isToOne(root, last)) {
                joins.computeIfAbsent(last, p -> (Join<?, ?>) root.fetch(last, JoinType.LEFT));
            }
            return (Path<Object>) from.get(last);
        }

        private static boolean isToOne(Root<?> root, String name) {
            Attribute<?, ?> attribute = root.getModel().getAttribute(name);
            return attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.MANY_TO_ONE
                    || attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.ONE_TO_ONE;
        }
    }
}
