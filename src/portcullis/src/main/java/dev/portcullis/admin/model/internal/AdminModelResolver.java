package dev.portcullis.admin.model.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.portcullis.admin.ComputedColumn;
import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.checks.CheckMessage;

import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.ListColumn;
import dev.portcullis.admin.model.SortOrder;

/**
 * Resolves a {@link ModelAdmin} against the JPA metamodel into an {@link AdminModel}. Every name the developer gave
 * is checked first by {@link AdminOptionChecks}, in the manner of Django's admin checks; the model is built only
 * from options without errors.
 */
public final class AdminModelResolver {

    private static final int DEFAULT_COLUMNS = 5;

    /** Maximum number of a child's attributes edited in an inline row; the rest stay on the child's own form. */
    static final int INLINE_COLUMNS = 6;

    private final Metamodel metamodel;

    public AdminModelResolver(Metamodel metamodel) {
        this.metamodel = metamodel;
    }

    /** The outcome: a model (null when an error made one impossible) and every message found. */
    public record Resolution<T>(AdminModel<T> model, List<CheckMessage> messages) {
    }

    public <T> Resolution<T> resolve(ModelAdmin<T> admin) {
        Class<T> type = admin.entityClass();
        EntityType<T> entity;
        try {
            entity = metamodel.entity(type);
        } catch (IllegalArgumentException notAnEntity) {
            return new Resolution<>(null, List.of(CheckMessage.error("admin.E301", type.getName(),
                    "'" + type.getSimpleName() + "' is exposed in the admin but is not a JPA entity.",
                    "Annotate it with @Entity, and make sure it is in a package your application scans.")));
        }
        EntityAttributes attributes = new EntityAttributes(metamodel, entity);
        String slug = admin.slug() != null ? admin.slug() : Names.kebab(type.getSimpleName());
        List<String> display = admin.listDisplay().isEmpty() ? defaultColumns(attributes) : admin.listDisplay();
        List<CheckMessage> messages = new ArrayList<>(
                new AdminOptionChecks(attributes, type).checkAll(admin, slug, display));
        if (messages.stream().anyMatch(CheckMessage::isSerious)) {
            return new Resolution<>(null, messages);
        }

        List<AdminField> form = form(admin, attributes);
        if (attributes.editable()) {
            messages.addAll(FormCoverageChecks.check(type, attributes.all(), form, attributes.idName()));
        }
        String label = admin.label() != null ? admin.label() : Names.humanize(type.getSimpleName());
        String plural = admin.pluralLabel() != null ? admin.pluralLabel() : Names.plural(label);
        List<AdminField> filters = admin.listFilter().stream().map(path -> attributes.lookup(path).field()).toList();
        AdminModel<T> model = new AdminModel<>(admin, slug, label, plural, attributes.idName(), attributes.idType(),
                attributes.editable(), columns(admin, display, attributes), List.copyOf(admin.searchFields()),
                filters, ordering(admin, attributes), admin.listPerPage(), form,
                new LinkedHashSet<>(admin.autocompleteFields()), attributes.all());
        return new Resolution<>(model.withInlineRows(inlineRows(type, form)), messages);
    }

    private static <T> List<ListColumn<T>> columns(ModelAdmin<T> admin, List<String> display,
            EntityAttributes attributes) {
        Map<String, ComputedColumn<T>> computed = admin.computedColumns().stream()
                .collect(Collectors.toMap(ComputedColumn::name, Function.identity(), (a, b) -> b, LinkedHashMap::new));
        List<ListColumn<T>> columns = new ArrayList<>();
        for (String name : display) {
            ComputedColumn<T> c = computed.get(name);
            if (c != null) {
                columns.add(new ListColumn<>(c.name(), c.label(), null, c.value()));
            } else {
                AdminField field = attributes.lookup(name).field();
                columns.add(new ListColumn<>(name, field.label(), field, null));
            }
        }
        return columns;
    }

    private static List<SortOrder> ordering(ModelAdmin<?> admin, EntityAttributes attributes) {
        List<SortOrder> ordering = new ArrayList<>(admin.ordering().stream().map(SortOrder::parse).toList());
        if (ordering.isEmpty() && attributes.idName() != null) {
            ordering.add(new SortOrder(attributes.idName(), true));
        }
        return ordering;
    }

    /**
     * The form: the attributes listed in {@code fields}, or else every attribute of the entity itself except the id,
     * the excluded ones and one-to-many relations edited elsewhere. All read-only when rows cannot be edited.
     */
    private static List<AdminField> form(ModelAdmin<?> admin, EntityAttributes attributes) {
        Set<String> readOnly = new LinkedHashSet<>(admin.readonlyFields());
        Set<String> excluded = new LinkedHashSet<>(admin.exclude());
        Set<String> inlines = new LinkedHashSet<>(admin.inlines());
        List<AdminField> all = attributes.all();
        List<AdminField> form = new ArrayList<>();
        if (!admin.fields().isEmpty()) {
            for (String name : admin.fields()) {
                form.addAll(formFieldsOf(attributes.get(name), all, readOnly));
            }
        } else {
            for (AdminField field : all) {
                boolean topLevel = !field.path().contains(".");
                boolean skip = !topLevel || excluded.contains(field.path()) || field.path().equals(attributes.idName())
                        || (field.kind() == FieldKind.ONE_TO_MANY && !inlines.contains(field.path())
                                && !oneWay(admin.entityClass(), field.path()));
                if (!skip) {
                    form.addAll(formFieldsOf(field, all, readOnly));
                }
            }
        }
        return attributes.editable() ? form : form.stream().map(AdminField::asReadOnly).toList();
    }

    /**
     * For each one-to-many relation in the form, the child attributes its inline rows edit: simple values only,
     * never the child's id, its own collections, or the reference back to the parent (set on save).
     */
    private Map<String, List<AdminField>> inlineRows(Class<?> parent, List<AdminField> form) {
        Map<String, List<AdminField>> rows = new LinkedHashMap<>();
        for (AdminField inline : form) {
            if (inline.kind() != FieldKind.ONE_TO_MANY) {
                continue;
            }
            EntityAttributes child = new EntityAttributes(metamodel, metamodel.entity(inline.target()));
            String childId = child.idName();
            if (childId == null) {
                continue;
            }
            List<AdminField> editable = child.all().stream()
                    .filter(f -> !f.path().equals(childId))
                    .filter(f -> switch (f.kind()) {
                        case ONE_TO_MANY, MANY_TO_MANY, ELEMENT_COLLECTION, EMBEDDED, BINARY, OTHER -> false;
                        case MANY_TO_ONE -> !f.target().isAssignableFrom(parent);
                        default -> true;
                    })
                    .limit(INLINE_COLUMNS).toList();
            rows.put(inline.path(), editable);
        }
        return rows;
    }

    private static List<AdminField> formFieldsOf(AdminField field, List<AdminField> all, Set<String> readOnly) {
        if (field.kind() == FieldKind.EMBEDDED) {
            String prefix = field.path() + ".";
            return all.stream().filter(f -> f.path().startsWith(prefix))
                    .map(f -> readOnly.contains(field.path()) ? f.asReadOnly() : f).toList();
        }
        return List.of(readOnly.contains(field.path()) ? field.asReadOnly() : field);
    }

    private static List<String> defaultColumns(EntityAttributes attributes) {
        String idName = attributes.idName();
        List<String> columns = new ArrayList<>();
        if (idName != null) {
            columns.add(idName);
        }
        attributes.all().stream()
                .filter(f -> !f.path().contains(".") && !f.path().equals(idName))
                .filter(f -> f.kind().isSortable())
                .limit(DEFAULT_COLUMNS)
                .forEach(f -> columns.add(f.path()));
        return columns;
    }

    /**
     * Whether a {@code @OneToMany} is one way (no {@code mappedBy}): the child has no attribute pointing back, so
     * the parent's form is the only place a child can be linked, and it is edited inline there without being
     * listed in {@code inlines}.
     */
    private static boolean oneWay(Class<?> type, String name) {
        Field field = org.springframework.util.ReflectionUtils.findField(type, name);
        jakarta.persistence.OneToMany mapping = field == null ? null
                : field.getAnnotation(jakarta.persistence.OneToMany.class);
        if (mapping == null) {
            java.lang.reflect.Method getter = org.springframework.util.ReflectionUtils.findMethod(type,
                    "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            mapping = getter == null ? null : getter.getAnnotation(jakarta.persistence.OneToMany.class);
        }
        return mapping != null && mapping.mappedBy().isEmpty();
    }
}
