package dev.portcullis.admin.data.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;

/**
 * Works out, from the JPA mapping, everything a delete takes with it before anything is deleted: the rows removed by
 * cascades and orphan removal at any depth, the join-table rows and element-collection values that go, and the rows
 * elsewhere that still point at a doomed row without a cascade (blockers). Join-table links from rows that stay (the
 * other side of a many-to-many, or a one-way {@code @OneToMany} through a join table) are removed first, as Django
 * does for many-to-many relations; Hibernate would leave them and the database would refuse the delete.
 *
 * <p>Rows are found set-wise, a bounded chunk of ids per query, so a bulk delete of a thousand rows costs a few
 * queries per relation rather than a few per row.
 */
final class DeletionPlanner {

    private static final int CHUNK = 500;

    private final EntityManager em;
    private final RowLabels labels;

    DeletionPlanner(EntityManager em, RowLabels labels) {
        this.em = em;
        this.labels = labels;
    }

    /** The plan for deleting these rows (ids of {@code rootType}, already checked to be visible to the user). */
    DeletionPlan plan(Class<?> rootType, Collection<?> rootIds) {
        Walk walk = new Walk(rootType, rootIds);
        while (!walk.queue.isEmpty()) {
            Pending next = walk.queue.poll();
            for (EntityType<?> entity : em.getMetamodel().getEntities()) {
                Class<?> type = entity.getJavaType();
                if (next.type.isAssignableFrom(type) || type.isAssignableFrom(next.type)) {
                    MappedRelation.declaredBy(entity).forEach(relation -> forward(walk, entity, relation, next.ids));
                }
                MappedRelation.declaredBy(entity)
                        .filter(r -> r.pointsAt(next.type) || r.target() != null && next.type.isAssignableFrom(r.target()))
                        .forEach(relation -> inverse(walk, entity, relation, next));
            }
        }
        return walk.finish();
    }

    /** What the doomed rows of {@code owner} take along through one of their own relations. */
    private void forward(Walk walk, EntityType<?> owner, MappedRelation relation, List<Object> ids) {
        String key = owner.getName() + "." + relation.attribute().getName();
        if (relation.isElementCollection()) {
            long values = count("select count(v) from " + owner.getName() + " p join p." + relation.attribute().getName()
                    + " v where p." + idName(owner.getJavaType()) + " in :ids", ids);
            if (values > 0) {
                String label = labels.singular(owner.getJavaType()) + " "
                        + RowLabels.humanize(relation.attribute().getName()).toLowerCase(java.util.Locale.ROOT);
                walk.counted.computeIfAbsent(key, k -> new Counted(label, singularOf(label))).count += values;
            }
            return;
        }
        if (!relation.owning() && !relation.removesTarget()) {
            return; // the other side holds the key: the inverse pass of the target sees it
        }
        if (relation.isToOne() && !relation.removesTarget()) {
            return; // the key is in the doomed row itself
        }
        List<Object[]> pairs = pairs(owner, relation, ids, true);
        if (pairs.isEmpty()) {
            return;
        }
        Class<?> target = relation.target();
        if (relation.removesTarget()) {
            pairs.forEach(pair -> walk.doom(target, pair[1]));
        } else if (relation.isOneToMany() && !relation.joinTable()) {
            // Hibernate clears the children's key ("update pets set owner_id = null") when it may.
            pairs.forEach(pair -> (relation.nullableKey() ? walk.unlinked : walk.references)
                    .computeIfAbsent(target, t -> new LinkedHashSet<>()).add(pair[1]));
        }
        if (relation.joinTable()) {
            String targets = dev.portcullis.admin.model.internal.Wording.noun(labels.plural(target));
            String label = dev.portcullis.i18n.Messages.get("admin.delete.links-to", targets);
            Counted links = walk.counted.computeIfAbsent(key, k -> new Counted(label,
                    dev.portcullis.i18n.Messages.get("admin.delete.link-to", targets)));
            links.count += pairs.size();
            pairs.stream().limit(DeletionPlan.EXAMPLES).forEach(pair -> links.exampleIds.add(pair[1]));
            links.exampleType = target;
        }
    }

    /** Rows of {@code referrer} that point at the doomed rows through {@code relation}. */
    private void inverse(Walk walk, EntityType<?> referrer, MappedRelation relation, Pending doomed) {
        if (!relation.owning() || relation.isOneToMany() && !relation.joinTable()) {
            return; // the key is in the doomed row, or the owning side's forward pass covers it
        }
        List<Object[]> pairs = pairs(referrer, relation, doomed.ids, false);
        for (Object[] pair : pairs) {
            Class<?> type = referrer.getJavaType();
            if (relation.isToOne()) {
                switch (relation.onDelete()) {
                    case "CASCADE" -> walk.doom(type, pair[0]);
                    case "SET_NULL", "SET_DEFAULT" -> walk.unlinked.computeIfAbsent(type, t -> new LinkedHashSet<>())
                            .add(pair[0]);
                    default -> walk.references.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(pair[0]);
                }
            } else {
                walk.links.add(new DeletionPlan.Link(relation, type, pair[0], relation.target(), pair[1]));
            }
        }
    }

    /** (owner id, target id) pairs of a relation, selected by owner ids or by target ids. */
    private List<Object[]> pairs(EntityType<?> owner, MappedRelation relation, List<Object> ids, boolean byOwner) {
        String ownerId = idName(owner.getJavaType());
        String targetId = idName(relation.target());
        String jpql = "select p." + ownerId + ", t." + targetId + " from " + owner.getName() + " p join p."
                + relation.attribute().getName() + " t where " + (byOwner ? "p." + ownerId : "t." + targetId)
                + " in :ids";
        List<Object[]> pairs = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            pairs.addAll(em.createQuery(jpql, Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).getResultList());
        }
        return pairs;
    }

    private long count(String jpql, List<Object> ids) {
        long total = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            total += em.createQuery(jpql, Long.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).getSingleResult();
        }
        return total;
    }

    String idName(Class<?> type) {
        EntityType<?> entity = em.getMetamodel().entity(type);
        return entity.getId(entity.getIdType().getJavaType()).getName();
    }

    private static String singularOf(String label) {
        return label.endsWith("ies") ? label.substring(0, label.length() - 3) + "y"
                : label.endsWith("s") ? label.substring(0, label.length() - 1) : label;
    }

    /** Rows of one type found doomed and not yet walked from. */
    private record Pending(Class<?> type, List<Object> ids) {
    }

    /** Join-table rows or values of one relation that go. */
    static final class Counted {
        final String label;
        final String singular;
        long count;
        final List<Object> exampleIds = new ArrayList<>();
        Class<?> exampleType;

        Counted(String label, String singular) {
            this.label = label;
            this.singular = singular;
        }
    }

    /** The state of one planning walk. */
    private final class Walk {
        final Deque<Pending> queue = new ArrayDeque<>();
        final Class<?> rootType;
        final Set<Object> roots;
        /** Every doomed row, keyed by its hierarchy's root class, so a row reached twice counts once. */
        final Map<Class<?>, Set<Object>> seen = new HashMap<>();
        /** Doomed rows other than the roots, by the class they were reached as, in the order found. */
        final Map<Class<?>, LinkedHashSet<Object>> cascaded = new LinkedHashMap<>();
        final Map<String, Counted> counted = new LinkedHashMap<>();
        final Map<Class<?>, LinkedHashSet<Object>> references = new LinkedHashMap<>();
        final Map<Class<?>, LinkedHashSet<Object>> unlinked = new LinkedHashMap<>();
        final List<DeletionPlan.Link> links = new ArrayList<>();

        Walk(Class<?> rootType, Collection<?> rootIds) {
            this.rootType = rootType;
            this.roots = new LinkedHashSet<>(rootIds);
            seen.computeIfAbsent(hierarchyRoot(rootType), c -> new HashSet<>()).addAll(rootIds);
            queue.add(new Pending(rootType, new ArrayList<>(rootIds)));
        }

        void doom(Class<?> type, Object id) {
            if (seen.computeIfAbsent(hierarchyRoot(type), c -> new HashSet<>()).add(id)) {
                cascaded.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(id);
                Pending last = queue.peekLast();
                if (last != null && last.type == type && last.ids.size() < CHUNK) {
                    last.ids.add(id);
                } else {
                    queue.add(new Pending(type, new ArrayList<>(List.of(id))));
                }
            }
        }

        boolean isDoomed(Class<?> type, Object id) {
            return seen.getOrDefault(hierarchyRoot(type), Set.of()).contains(id);
        }

        DeletionPlan finish() {
            Map<Class<?>, List<Object>> blockers = new LinkedHashMap<>();
            references.forEach((type, ids) -> ids.stream().filter(id -> !isDoomed(type, id))
                    .forEach(id -> blockers.computeIfAbsent(type, t -> new ArrayList<>()).add(id)));
            Map<Class<?>, List<Object>> kept = new LinkedHashMap<>();
            unlinked.forEach((type, ids) -> ids.stream().filter(id -> !isDoomed(type, id))
                    .forEach(id -> kept.computeIfAbsent(type, t -> new ArrayList<>()).add(id)));
            List<DeletionPlan.Link> removedLinks = links.stream()
                    .filter(link -> !isDoomed(link.ownerType(), link.ownerId())).toList();
            Map<Class<?>, List<Object>> doomed = new LinkedHashMap<>();
            cascaded.forEach((type, ids) -> ids.stream().filter(id -> !(hierarchyRoot(type) == hierarchyRoot(rootType)
                    && roots.contains(id))).forEach(id -> doomed.computeIfAbsent(type, t -> new ArrayList<>()).add(id)));
            return new DeletionPlan(doomed, new ArrayList<>(counted.values()), removedLinks, blockers, kept);
        }

        private Class<?> hierarchyRoot(Class<?> type) {
            Class<?> root = type;
            for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                    root = c;
                }
            }
            return root;
        }
    }
}
