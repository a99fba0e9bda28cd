package dev.portcullis.admin.data.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.collection.spi.PersistentCollection;
import org.springframework.beans.DirectFieldAccessor;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;

/**
 * What a failed save must put back on the objects the form holds: a persist that failed leaves a generated id, a
 * version and Hibernate's collection wrappers behind, and the next Save would then fail with "detached entity
 * passed to persist". Captured before the save, restored when it fails, so a retry starts from the same state.
 */
final class SaveUndo {

    private record Saved(Object entity, String attribute, Object value) {
    }

    private final List<Saved> values = new ArrayList<>();

    /** Remembers the id, version and collections of new entities (existing ones are merged, never changed). */
    static SaveUndo capture(Metamodel metamodel, Collection<?> newEntities) {
        SaveUndo undo = new SaveUndo();
        for (Object entity : newEntities) {
            EntityType<?> type = metamodel.entity(entity.getClass());
            DirectFieldAccessor fields = new DirectFieldAccessor(entity);
            for (Attribute<?, ?> attribute : type.getAttributes()) {
                boolean remember = attribute instanceof PluralAttribute<?, ?, ?>
                        || (attribute instanceof SingularAttribute<?, ?> singular
                        && (singular.isId() || singular.isVersion()));
                if (remember && fields.isReadableProperty(attribute.getName())) {
                    Object value = fields.getPropertyValue(attribute.getName());
                    undo.values.add(new Saved(entity, attribute.getName(),
                            value instanceof Collection<?> c ? List.copyOf(c) : value));
                }
            }
        }
        return undo;
    }

    /** Puts every remembered value back; collections become plain collections with their earlier elements. */
    void restore() {
        for (Saved saved : values) {
            DirectFieldAccessor fields = new DirectFieldAccessor(saved.entity());
            Object current = fields.getPropertyValue(saved.attribute());
            if (saved.value() instanceof List<?> elements) {
                if (current instanceof PersistentCollection<?> || current instanceof Collection<?>) {
                    Collection<Object> plain = current instanceof Set<?> ? new LinkedHashSet<>() : new ArrayList<>();
                    plain.addAll(elements);
                    fields.setPropertyValue(saved.attribute(), plain);
                }
            } else {
                fields.setPropertyValue(saved.attribute(), saved.value());
            }
        }
    }
}
