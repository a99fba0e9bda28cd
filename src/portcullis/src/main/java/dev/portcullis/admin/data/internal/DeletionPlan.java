package dev.portcullis.admin.data.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import dev.portcullis.admin.data.DeletionPreview;

/**
 * Everything one delete takes with it, worked out by {@link DeletionPlanner} before anything is deleted.
 *
 * @param cascaded rows removed with the deleted ones (cascades, orphan removal, {@code @OnDelete}), by class
 * @param counted join-table rows and element-collection values of doomed rows that go with them
 * @param links join-table links from rows that stay, removed before the delete
 * @param blockers rows that stay and still point at a doomed row: the delete cannot go ahead
 * @param unlinked rows that stay but lose their link to a doomed row (their key is set to null)
 */
record DeletionPlan(Map<Class<?>, List<Object>> cascaded, List<DeletionPlanner.Counted> counted, List<Link> links,
        Map<Class<?>, List<Object>> blockers, Map<Class<?>, List<Object>> unlinked) {

    static final int EXAMPLES = 5;

    /** One join-table row from a row that stays ({@code ownerId}) to a doomed row ({@code targetId}). */
    record Link(MappedRelation relation, Class<?> ownerType, Object ownerId, Class<?> targetType, Object targetId) {
    }

    boolean blocked() {
        return !blockers.isEmpty();
    }

    /**
     * The plan in words, for the confirmation dialog and the history.
     *
     * @param load loads rows of a class by id (for their labels)
     */
    DeletionPreview preview(RowLabels labels, BiFunction<Class<?>, List<Object>, Map<Object, Object>> load) {
        List<DeletionPreview.Group> cascades = new ArrayList<>();
        cascaded.forEach((type, ids) -> cascades.add(rows(labels, load, type, ids)));
        for (DeletionPlanner.Counted group : counted) {
            List<String> examples = group.exampleType == null ? List.of()
                    : labelled(labels, load, group.exampleType, group.exampleIds);
            cascades.add(new DeletionPreview.Group(group.label, group.singular, group.count, examples));
        }
        Map<String, List<Link>> fromOwners = new LinkedHashMap<>();
        links.forEach(link -> fromOwners.computeIfAbsent(link.ownerType().getName() + "."
                + link.relation().attribute().getName(), k -> new ArrayList<>()).add(link));
        fromOwners.values().forEach(group -> {
            Class<?> owner = group.getFirst().ownerType();
            String plural = dev.portcullis.admin.model.internal.Wording.noun(labels.plural(owner));
            cascades.add(new DeletionPreview.Group(dev.portcullis.i18n.Messages.get("admin.delete.links-from", plural),
                    dev.portcullis.i18n.Messages.get("admin.delete.link-from", plural), group.size(),
                    labelled(labels, load, owner, group.stream().map(Link::ownerId).distinct().toList())));
        });
        List<DeletionPreview.Group> blocking = new ArrayList<>();
        blockers.forEach((type, ids) -> blocking.add(rows(labels, load, type, ids)));
        List<DeletionPreview.Group> kept = new ArrayList<>();
        unlinked.forEach((type, ids) -> kept.add(rows(labels, load, type, ids)));
        return new DeletionPreview(cascades, blocking, kept);
    }

    private static DeletionPreview.Group rows(RowLabels labels,
            BiFunction<Class<?>, List<Object>, Map<Object, Object>> load, Class<?> type, List<Object> ids) {
        return new DeletionPreview.Group(labels.plural(type), labels.singular(type), ids.size(),
                labelled(labels, load, type, ids));
    }

    private static List<String> labelled(RowLabels labels,
            BiFunction<Class<?>, List<Object>, Map<Object, Object>> load, Class<?> type, List<Object> ids) {
        List<Object> first = ids.stream().distinct().limit(EXAMPLES).toList();
        Map<Object, Object> rows = load.apply(type, first);
        return first.stream().filter(rows::containsKey).map(id -> labels.of(rows.get(id))).toList();
    }
}
