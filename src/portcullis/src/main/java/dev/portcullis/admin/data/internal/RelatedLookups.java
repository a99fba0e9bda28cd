package dev.portcullis.admin.data.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.Attribute;
import dev.portcullis.admin.data.AdminEntityService;

/**
 * Rows of a related entity for a combo box, searched on the server one page at a time. Needs view permission on the
 * related entity when it is itself administered (as in Django), and a signed-in user otherwise.
 */
public final class RelatedLookups {

    private final EntityManager em;
    private final AdminRegistry registry;
    private final EntityIds ids;
    private final TextSearch search;

    public RelatedLookups(EntityManager em, AdminRegistry registry, EntityIds ids, TextSearch search) {
        this.em = em;
        this.registry = registry;
        this.ids = ids;
        this.search = search;
    }

    public <R> List<R> lookup(Class<R> target, String filter, int offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<R> cq = cb.createQuery(target);
        Root<R> root = cq.from(target);
        List<String> searchPaths = lookupPaths(target);
        Joins joins = new Joins(root, false);
        cq.select(root).where(where(target, filter, root, joins, searchPaths, cb));
        List<Order> orders = new ArrayList<>();
        if (!searchPaths.isEmpty()) {
            orders.add(cb.asc(joins.path(searchPaths.getFirst())));
        }
        orders.add(cb.asc(root.get(ids.idName(target))));
        cq.orderBy(orders);
        return em.createQuery(cq).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public <R> int lookupCount(Class<R> target, String filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> cq = cb.createQuery(Object.class);
        Root<R> root = cq.from(target);
        cq.select(root.get(ids.idName(target)))
                .where(where(target, filter, root, new Joins(root, false), lookupPaths(target), cb));
        int limit = AdminEntityService.COUNT_LIMIT;
        return Math.min(em.createQuery(cq).setMaxResults(limit + 1).getResultList().size(), limit);
    }

    public <R> R findChoice(Class<R> target, Object id) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<R> cq = cb.createQuery(target);
        Root<R> root = cq.from(target);
        List<Predicate> where = new ArrayList<>(List.of(where(target, null, root, new Joins(root, false),
                List.of(), cb)));
        where.add(cb.equal(root.get(ids.idName(target)), id));
        List<R> found = em.createQuery(cq.select(root).where(where.toArray(Predicate[]::new))).getResultList();
        return found.isEmpty() ? null : found.getFirst();
    }

    private <R> List<String> lookupPaths(Class<R> target) {
        return registry.byClass(target).map(AdminModel::searchPaths).filter(p -> !p.isEmpty())
                .orElseGet(() -> firstTextAttribute(target));
    }

    private List<String> firstTextAttribute(Class<?> type) {
        return em.getMetamodel().entity(type).getSingularAttributes().stream()
                .filter(a -> a.getJavaType() == String.class).map(Attribute::getName).sorted().limit(1).toList();
    }

    /** The permission check, then the search and the related entity's row scope. */
    private <R> Predicate[] where(Class<R> target, String filter, Root<R> root, Joins joins, List<String> searchPaths,
            CriteriaBuilder cb) {
        Authentication user = AdminAccess.currentUser();
        var targetModel = registry.byClass(target);
        if (targetModel.isPresent()) {
            AdminAccess.require(targetModel.get(), AdminOperation.VIEW);
        } else if (user == null || !user.isAuthenticated()) {
            throw new AccessDeniedException("Sign in first");
        }
        List<Predicate> where = new ArrayList<>();
        if (filter != null && !filter.isBlank() && !searchPaths.isEmpty()) {
            List<String> terms = TextSearch.terms(filter);
            where.add(search.predicate(terms, searchPaths, search.resolve(target, terms, searchPaths), joins, cb));
        }
        targetModel.ifPresent(m -> {
            Predicate scope = m.admin().scope(root, cb, user);
            if (scope != null) {
                where.add(scope);
            }
        });
        return where.toArray(Predicate[]::new);
    }
}
