package dev.portcullis.admin.data.internal;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.Attribute;

/** Joins reused per query, so a path crossing a relation joins it once. */
final class Joins {

    private final Root<?> root;
    private final boolean fetch;
    private final Map<String, From<?, ?>> joins = new HashMap<>();

    Joins(Root<?> root, boolean fetch) {
        this.root = root;
        this.fetch = fetch;
    }

    Root<?> root() {
        return root;
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
