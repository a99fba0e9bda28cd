package dev.portcullis.admin.data.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hibernate.Hibernate;
import org.springframework.security.core.Authentication;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.admin.model.SortOrder;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.CappedCount;
import dev.portcullis.admin.data.ListPage;
import dev.portcullis.admin.data.ListQuery;
import dev.portcullis.admin.data.NotFoundException;

/**
 * Reads administered rows: a list's page and its capped count from one {@link ListCriteria}, the ids of every
 * matching row, and single rows. Each entry point checks the view permission; every query applies the row scope.
 */
public final class EntityQueries {

    /** From this many rows to skip, a page without a cursor reads ids first and then only its own rows. */
    public static final int DEFERRED_OFFSET = 500;

    private final EntityManager em;
    private final EntityIds ids;
    private final TextSearch search;
    private final ListPredicates predicates;

    public EntityQueries(EntityManager em, EntityIds ids, TextSearch search) {
        this.em = em;
        this.ids = ids;
        this.search = search;
        this.predicates = new ListPredicates(ids, search);
    }

    /** Reads a list's URL state once, for a user who may view the rows. */
    public <T> ListCriteria criteria(AdminModel<T> model, ListQuery query) {
        AdminAccess.require(model, AdminOperation.VIEW);
        return read(model, query);
    }

    /** Reads a list's URL state; the caller has checked the permission its work needs. */
    ListCriteria read(AdminModel<?> model, ListQuery query) {
        return ListCriteria.of(model, query, ids, search);
    }

    public <T> ListPage<T> list(AdminModel<T> model, ListCriteria criteria) {
        Authentication user = AdminAccess.require(model, AdminOperation.VIEW);
        criteria.checkFor(model);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> cq = cb.createQuery(model.entityClass());
        Root<T> root = cq.from(model.entityClass());
        Joins joins = fetchingShownRelations(model, root);
        List<SortOrder> terms = criteria.order();
        Keyset.Parsed cursor = criteria.cursor();
        boolean backwards = cursor != null && !cursor.after();
        cq.select(root).where(pageWhere(model, criteria, root, joins, cb, user))
                .orderBy(ListPredicates.orders(backwards ? reversed(terms) : terms, joins, cb));
        int size = model.listPerPage();
        int page = criteria.query().page();
        int offset = cursor != null ? 0 : (page - 1) * size;
        // Far pages, and searches answered by a full-text index (where the database finds the matching rows by id,
        // then sorts them): read the page's ids first, then load only those rows with their shown relations, so the
        // database never joins the relations of every matching row.
        List<T> rows = offset >= DEFERRED_OFFSET || criteria.searchesThroughIndex()
                ? idsFirst(model, criteria, user, offset, size + 1)
                : em.createQuery(cq).setFirstResult(offset).setMaxResults(size + 1).getResultList();
        boolean more = rows.size() > size;
        rows = new ArrayList<>(more ? rows.subList(0, size) : rows);
        if (backwards) {
            Collections.reverse(rows);
        }
        boolean hasNext = backwards || more;
        boolean hasPrevious = backwards ? more : page > 1;
        String next = criteria.keyset() && hasNext && !rows.isEmpty()
                ? Keyset.cursor(Keyset.AFTER, model, terms, rows.getLast()) : null;
        String previous = criteria.keyset() && hasPrevious && !rows.isEmpty()
                ? Keyset.cursor(Keyset.BEFORE, model, terms, rows.getFirst()) : null;
        return new ListPage<>(rows, page, size, hasNext, next, previous);
    }

    /** The list's conditions and, with a cursor, the keyset condition that starts the page after (or before) it. */
    private <T> Predicate[] pageWhere(AdminModel<T> model, ListCriteria criteria, Root<T> root, Joins joins,
            CriteriaBuilder cb, Authentication user) {
        List<Predicate> where = new ArrayList<>(List.of(predicates.where(model, criteria, root, joins, cb, user)));
        Keyset.Parsed cursor = criteria.cursor();
        if (cursor != null) {
            List<SortOrder> terms = criteria.order();
            where.add(Keyset.predicate(cb, terms.stream().<Path<?>>map(t -> joins.path(t.path())).toList(), terms,
                    cursor));
        }
        return where.toArray(Predicate[]::new);
    }

    /**
     * A page read as ids first, then just the page's rows: for a page far from the start without a cursor (a
     * bookmarked or typed page number: skipping rows by reading ids only, which the database can do from an index),
     * and for a search through a full-text index. Keeps the cursor and its direction.
     */
    private <T> List<T> idsFirst(AdminModel<T> model, ListCriteria criteria, Authentication user, int offset,
            int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> idQuery = cb.createQuery(Object.class);
        Root<T> idRoot = idQuery.from(model.entityClass());
        Joins idJoins = new Joins(idRoot, false);
        boolean backwards = criteria.cursor() != null && !criteria.cursor().after();
        idQuery.select(idRoot.get(model.idAttribute()))
                .where(pageWhere(model, criteria, idRoot, idJoins, cb, user))
                .orderBy(ListPredicates.orders(backwards ? reversed(criteria.order()) : criteria.order(), idJoins,
                        cb));
        List<Object> page = em.createQuery(idQuery).setFirstResult(offset).setMaxResults(limit).getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        CriteriaQuery<T> cq = cb.createQuery(model.entityClass());
        Root<T> root = cq.from(model.entityClass());
        fetchingShownRelations(model, root);
        Map<Object, T> byId = new HashMap<>();
        em.createQuery(cq.select(root).where(root.get(model.idAttribute()).in(page))).getResultList()
                .forEach(row -> byId.put(PropertyValues.id(model, row), row));
        return page.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Joins that fetch the relations the list's columns show, so rendering loads nothing more. */
    static <T> Joins fetchingShownRelations(AdminModel<T> model, Root<T> root) {
        Joins joins = new Joins(root, true);
        model.columns().stream()
                .filter(c -> c.field() != null && (c.field().kind() == FieldKind.MANY_TO_ONE || c.key().contains(".")))
                .forEach(c -> joins.path(c.key()));
        return joins;
    }

    private static List<SortOrder> reversed(List<SortOrder> terms) {
        return terms.stream().map(t -> new SortOrder(t.path(), !t.descending())).toList();
    }

    /** Counts matching rows, stopping at {@link AdminEntityService#COUNT_LIMIT}. */
    public <T> CappedCount count(AdminModel<T> model, ListCriteria criteria) {
        Authentication user = AdminAccess.require(model, AdminOperation.VIEW);
        criteria.checkFor(model);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> cq = cb.createQuery(Object.class);
        Root<T> root = cq.from(model.entityClass());
        Predicate[] where = predicates.where(model, criteria, root, new Joins(root, false), cb, user);
        int limit = AdminEntityService.COUNT_LIMIT;
        TextSearch.Indexed indexed = criteria.searchAloneThroughIndex();
        // One search term through a full-text index and nothing else (no row scope either): count in the index.
        int found = indexed != null && where.length == 1
                ? search.countIndexed(indexed, criteria.searchTerms().getFirst(), limit + 1)
                : em.createQuery(cq.select(root.get(model.idAttribute())).where(where)).setMaxResults(limit + 1)
                        .getResultList().size();
        return new CappedCount(Math.min(found, limit), found > limit);
    }

    /**
     * The earliest and latest value of a date attribute among the matching rows (for the list's date drill-down),
     * or null when no row has one. One aggregate query, under the same rights and filters as the list.
     */
    public <T> Object[] dateSpan(AdminModel<T> model, ListCriteria criteria, String path) {
        Authentication user = AdminAccess.require(model, AdminOperation.VIEW);
        criteria.checkFor(model);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<T> root = cq.from(model.entityClass());
        Path<Comparable<Object>> date = root.get(path);
        cq.multiselect(cb.least(date), cb.greatest(date))
                .where(predicates.where(model, criteria, root, new Joins(root, false), cb, user));
        Object[] span = em.createQuery(cq).getSingleResult();
        return span[0] == null ? null : span;
    }

    /** The next ids of matching rows in id order after {@code afterId} (null for the first). */
    public <T> List<Object> matchingIds(AdminModel<T> model, ListQuery query, Object afterId, int limit) {
        Authentication user = AdminAccess.require(model, AdminOperation.VIEW);
        ListCriteria criteria = read(model, query);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> cq = cb.createQuery(Object.class);
        Root<T> root = cq.from(model.entityClass());
        List<Predicate> where = new ArrayList<>(List.of(predicates.where(model, criteria, root,
                new Joins(root, false), cb, user)));
        Path<Comparable<Object>> id = root.get(model.idAttribute());
        if (afterId != null) {
            @SuppressWarnings("unchecked")
            Comparable<Object> after = (Comparable<Object>) afterId;
            where.add(cb.greaterThan(id, after));
        }
        cq.select(id).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(id));
        return em.createQuery(cq).setMaxResults(limit).getResultList();
    }

    /** A query of every row the criteria match, in the list's order, fetching the shown relations. */
    <T> CriteriaQuery<T> all(AdminModel<T> model, ListCriteria criteria, Authentication user) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> cq = cb.createQuery(model.entityClass());
        Root<T> root = cq.from(model.entityClass());
        Joins joins = fetchingShownRelations(model, root);
        return cq.select(root).where(predicates.where(model, criteria, root, joins, cb, user))
                .orderBy(ListPredicates.orders(criteria.order(), joins, cb));
    }

    /** One row for its form, with the relations the form shows. */
    public <T> T get(AdminModel<T> model, Object id) {
        AdminAccess.require(model, AdminOperation.VIEW);
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
    private static void initializeInlineRelations(AdminModel<?> model, AdminField field,
            java.util.Collection<?> children) {
        children.stream().limit(100).forEach(child -> model.inlineRows(field.path()).stream()
                .filter(column -> column.kind() == FieldKind.MANY_TO_ONE)
                .forEach(column -> Hibernate.initialize(PropertyValues.read(child, column.path()))));
    }

    /** One row the user may see (row scoping applied), or {@link NotFoundException}. */
    <T> T findScoped(AdminModel<T> model, Object id) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> cq = cb.createQuery(model.entityClass());
        Root<T> root = cq.from(model.entityClass());
        List<T> found = em.createQuery(cq.select(root).where(scoped(model, root, cb, cb.equal(root.get(
                model.idAttribute()), id)))).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException(model.label() + " #" + id + " does not exist (or you may not see it).");
        }
        return found.getFirst();
    }

    /** The ids among these that the user may see (row scoping applied). */
    <T> List<Object> scopedIds(AdminModel<T> model, List<Object> candidates) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> cq = cb.createQuery(Object.class);
        Root<T> root = cq.from(model.entityClass());
        return em.createQuery(cq.select(root.get(model.idAttribute()))
                .where(scoped(model, root, cb, root.get(model.idAttribute()).in(candidates)))).getResultList();
    }

    private static <T> Predicate[] scoped(AdminModel<T> model, Root<T> root, CriteriaBuilder cb, Predicate which) {
        Predicate scope = model.admin().scope(root, cb, AdminAccess.currentUser());
        return scope == null ? new Predicate[] {which} : new Predicate[] {which, scope};
    }
}
