package dev.portcullis.admin.data.internal;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.model.internal.Wording;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.internal.PropertyValues;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OneToMany;
import dev.portcullis.admin.data.InlineEdits;
import dev.portcullis.admin.data.SaveRejectedException;

/**
 * Applies the inline rows of a parent's form inside the parent's save: new children are saved and added to the
 * parent's collection (and pointed at the parent when the relation is two-way), edited ones merged, removed ones
 * deleted. Only children the parent already holds can be changed or removed, so a tampered request cannot reach
 * another parent's rows.
 */
final class InlineWriter {

    private final EntityManager em;
    private final AdminRegistry registry;
    private final BiConsumer<AdminModel<?>, AdminOperation> require;

    InlineWriter(EntityManager em, AdminRegistry registry, BiConsumer<AdminModel<?>, AdminOperation> require) {
        this.em = em;
        this.registry = registry;
        this.require = require;
    }

    /** @return a note for the parent's history entry ("Pets: added Rex; deleted Bo"), or null when none */
    String apply(AdminModel<?> model, Object parent, InlineEdits edits) {
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, InlineEdits.Rows> entry : edits.byAttribute().entrySet()) {
            String path = entry.getKey();
            InlineEdits.Rows rows = entry.getValue();
            AdminField field = model.formFields().stream()
                    .filter(f -> f.path().equals(path) && f.kind() == FieldKind.ONE_TO_MANY && !f.readOnly())
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "'" + path + "' is not an inline of " + model.label()));
            registry.byClass(field.target()).ifPresent(child -> {
                if (!rows.added().isEmpty()) {
                    require.accept(child, AdminOperation.ADD);
                }
                if (!rows.changed().isEmpty()) {
                    require.accept(child, AdminOperation.CHANGE);
                }
                if (!rows.removed().isEmpty()) {
                    require.accept(child, AdminOperation.DELETE);
                }
            });
            String note = apply(model, parent, field, rows);
            if (!note.isEmpty()) {
                notes.add(field.label() + ": " + note);
            }
        }
        return notes.isEmpty() ? null : String.join(". ", notes);
    }

    @SuppressWarnings("unchecked")
    private String apply(AdminModel<?> model, Object parent, AdminField field, InlineEdits.Rows rows) {
        Collection<Object> children = (Collection<Object>) PropertyValues.read(parent, field.path());
        if (children == null) {
            PropertyValues.write(parent, field.path(), new ArrayList<>());
            children = (Collection<Object>) PropertyValues.read(parent, field.path());
        }
        Set<Object> held = new LinkedHashSet<>();
        children.forEach(child -> held.add(idOf(child)));
        String mappedBy = mappedBy(model, field.path());
        List<String> done = new ArrayList<>();
        for (Object child : rows.changed()) {
            requireHeld(model, field, held, child);
            em.merge(child);
            done.add("changed " + EntityLabels.of(child));
        }
        for (Object child : rows.removed()) {
            requireHeld(model, field, held, child);
            Object managed = em.find(field.target(), idOf(child));
            if (managed != null) {
                children.removeIf(c -> Objects.equals(idOf(c), idOf(managed)));
                em.remove(managed);
                done.add("deleted " + EntityLabels.of(managed));
            }
        }
        for (Object child : rows.added()) {
            if (!field.target().isInstance(child)) {
                throw new IllegalArgumentException("A " + field.label() + " row is not a " + field.target().getSimpleName());
            }
            if (mappedBy != null) {
                PropertyValues.write(child, mappedBy, parent);
            }
            em.persist(child);
            children.add(child);
            done.add("added " + EntityLabels.of(child));
        }
        return String.join("; ", done);
    }

    private void requireHeld(AdminModel<?> model, AdminField field, Set<Object> held, Object child) {
        Object id = idOf(child);
        if (id == null || !held.contains(id)) {
            throw new SaveRejectedException(Messages.get("admin.inline.moved", Wording.noun(field.label()),
                    Wording.noun(model)), true, null);
        }
    }

    private Object idOf(Object entity) {
        return em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
    }

    private String mappedBy(AdminModel<?> model, String path) {
        var attribute = em.getMetamodel().entity(model.entityClass()).getAttribute(path);
        if (attribute.getJavaMember() instanceof AnnotatedElement member) {
            OneToMany oneToMany = member.getAnnotation(OneToMany.class);
            if (oneToMany != null && !oneToMany.mappedBy().isEmpty()) {
                return oneToMany.mappedBy();
            }
        }
        return null;
    }
}
