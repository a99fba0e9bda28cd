package dev.portcullis.admin.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.portcullis.admin.ComputedColumn;
import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.checks.CheckMessage;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Lob;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Resolves a {@link ModelAdmin} against the JPA metamodel into an {@link AdminModel}, checking every name the
 * developer gave. Each problem becomes an {@code admin.E…} message naming the entity, the option, the bad value
 * and the fix, in the manner of Django's admin checks.
 */
public final class AdminModelResolver {

    static final int MAX_PER_PAGE = 500;
    private static final int DEFAULT_COLUMNS = 5;

    private final Metamodel metamodel;

    public AdminModelResolver(Metamodel metamodel) {
        this.metamodel = metamodel;
    }

    /** The outcome: a model (null when an error made one impossible) and every message found. */
    public record Resolution<T>(AdminModel<T> model, List<CheckMessage> messages) {
    }

    public <T> Resolution<T> resolve(ModelAdmin<T> admin) {
        Class<T> type = admin.entityClass();
        String source = type.getName();
        List<CheckMessage> messages = new ArrayList<>();
        EntityType<T> entity;
        try {
            entity = metamodel.entity(type);
        } catch (IllegalArgumentException notAnEntity) {
            messages.add(CheckMessage.error("admin.E001", source,
                    "'" + type.getSimpleName() + "' is exposed in the admin but is not a JPA entity.",
                    "Annotate it with @Entity, and make sure it is in a package your application scans."));
            return new Resolution<>(null, messages);
        }
        Checker check = new Checker(type.getSimpleName(), source, messages);

        List<AdminField> all = describe(entity, "", new LinkedHashSet<>());
        Map<String, AdminField> byPath = all.stream()
                .collect(Collectors.toMap(AdminField::path, f -> f, (a, b) -> a, LinkedHashMap::new));
        Set<String> names = byPath.keySet();

        boolean editable = entity.hasSingleIdAttribute() && isSupportedId(entity.getIdType().getJavaType());
        String idName = entity.hasSingleIdAttribute() ? entity.getId(entity.getIdType().getJavaType()).getName() : null;
        Class<?> idType = entity.hasSingleIdAttribute() ? entity.getIdType().getJavaType() : null;
        if (!editable) {
            messages.add(CheckMessage.warning("admin.W010", source,
                    "'" + type.getSimpleName() + "' has a composite or unsupported id type, so the admin lists it"
                            + " read-only.",
                    "Give it a single id of type Long, Integer, String or UUID to edit it in the admin."));
        }

        String slug = admin.slug() != null ? admin.slug() : Names.kebab(type.getSimpleName());
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            check.error("admin.E004", "slug", slug, "must be lower-case letters and digits separated by '-'",
                    "Use e.g. '" + Names.kebab(type.getSimpleName()) + "'.");
        }
        String label = admin.label() != null ? admin.label() : Names.humanize(type.getSimpleName());
        String plural = admin.pluralLabel() != null ? admin.pluralLabel() : Names.plural(label);

        // Columns of the list.
        Map<String, ComputedColumn<T>> computed = new LinkedHashMap<>();
        for (ComputedColumn<T> column : admin.computedColumns()) {
            if (names.contains(column.name())) {
                check.error("admin.E140", "computedColumns", column.name(),
                        "has the name of an attribute of " + type.getSimpleName(),
                        "Give the computed column a name of its own.");
            }
            computed.put(column.name(), column);
        }
        List<ListColumn<T>> columns = new ArrayList<>();
        List<String> display = admin.listDisplay().isEmpty() ? defaultColumns(all, idName) : admin.listDisplay();
        for (int i = 0; i < display.size(); i++) {
            String name = display.get(i);
            if (computed.containsKey(name)) {
                ComputedColumn<T> c = computed.get(name);
                columns.add(new ListColumn<>(c.name(), c.label(), null, c.value()));
                continue;
            }
            AdminField field = check.path(entity, "listDisplay[" + i + "]", name, "admin.E108", names);
            if (field != null) {
                if (field.kind() == FieldKind.ONE_TO_MANY || field.kind() == FieldKind.MANY_TO_MANY) {
                    check.error("admin.E109", "listDisplay[" + i + "]", name, "is a to-many relation",
                            "Show a count or summary through a computed column instead.");
                } else {
                    columns.add(new ListColumn<>(name, field.label(), field, null));
                }
            }
        }

        List<String> search = new ArrayList<>();
        List<String> searchFields = admin.searchFields();
        for (int i = 0; i < searchFields.size(); i++) {
            AdminField field = check.path(entity, "searchFields[" + i + "]", searchFields.get(i), "admin.E126", names);
            if (field != null && field.kind() != FieldKind.TEXT && field.kind() != FieldKind.LONG_TEXT) {
                check.error("admin.E127", "searchFields[" + i + "]", searchFields.get(i), "is not a text attribute",
                        "Search only text attributes, e.g. 'name' or 'author.name'.");
            } else if (field != null) {
                search.add(field.path());
            }
        }

        List<AdminField> filters = new ArrayList<>();
        List<String> listFilter = admin.listFilter();
        for (int i = 0; i < listFilter.size(); i++) {
            AdminField field = check.path(entity, "listFilter[" + i + "]", listFilter.get(i), "admin.E116", names);
            if (field != null && !field.kind().isFilterable()) {
                check.error("admin.E117", "listFilter[" + i + "]", listFilter.get(i),
                        "cannot be filtered: it is a " + field.kind().description(),
                        "Filter by yes/no, enum, date (LocalDate), date-time (LocalDateTime, Instant) or to-one"
                                + " relation attributes.");
            } else if (field != null) {
                filters.add(field);
            }
        }

        List<SortOrder> ordering = new ArrayList<>();
        List<String> orderingSpec = admin.ordering();
        for (int i = 0; i < orderingSpec.size(); i++) {
            SortOrder order = SortOrder.parse(orderingSpec.get(i));
            AdminField field = check.path(entity, "ordering[" + i + "]", order.path(), "admin.E033", names);
            if (field != null && !field.kind().isSortable()) {
                check.error("admin.E034", "ordering[" + i + "]", order.path(), "cannot be sorted by the database",
                        "Order by a plain attribute or a to-one relation's attribute.");
            } else if (field != null) {
                ordering.add(order);
            }
        }
        if (ordering.isEmpty() && idName != null) {
            ordering.add(new SortOrder(idName, true));
        }

        int perPage = admin.listPerPage();
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            check.error("admin.E118", "listPerPage", String.valueOf(perPage), "must be between 1 and " + MAX_PER_PAGE,
                    "Pages of 50 to 100 rows keep the list fast.");
        }

        Set<String> readOnly = new LinkedHashSet<>(check.topLevel("readonlyFields", admin.readonlyFields(), "admin.E035", byPath));
        Set<String> excluded = new LinkedHashSet<>(check.topLevel("exclude", admin.exclude(), "admin.E013", byPath));
        Set<String> inlines = new LinkedHashSet<>();
        for (String inline : check.topLevel("inlines", admin.inlines(), "admin.E130", byPath)) {
            if (byPath.get(inline).kind() != FieldKind.ONE_TO_MANY) {
                check.error("admin.E131", "inlines", inline, "is not a one-to-many relation",
                        "List only @OneToMany attributes as inlines.");
            } else {
                inlines.add(inline);
            }
        }
        Set<String> autocomplete = new LinkedHashSet<>();
        for (String name : check.topLevel("autocompleteFields", admin.autocompleteFields(), "admin.E039", byPath)) {
            FieldKind kind = byPath.get(name).kind();
            if (kind != FieldKind.MANY_TO_ONE && kind != FieldKind.MANY_TO_MANY) {
                check.error("admin.E040", "autocompleteFields", name, "is not a to-one or many-to-many relation",
                        "Only relations can be edited with a searching combo box.");
            } else {
                autocomplete.add(name);
            }
        }

        // Secret fields are masked in the history; a misspelt one would silently record its value.
        check.topLevel("secretFields", admin.secretFields(), "admin.E041", byPath);

        List<AdminField> form = new ArrayList<>();
        List<String> chosen = admin.fields();
        if (!chosen.isEmpty()) {
            Set<String> seen = new LinkedHashSet<>();
            for (String name : check.topLevel("fields", chosen, "admin.E011", byPath)) {
                if (!seen.add(name)) {
                    check.error("admin.E012", "fields", name, "is listed twice", "List each attribute once.");
                } else {
                    form.addAll(formFieldsOf(byPath.get(name), all, readOnly));
                }
            }
        } else {
            for (AdminField field : all) {
                boolean topLevel = !field.path().contains(".");
                boolean skip = !topLevel || excluded.contains(field.path()) || field.path().equals(idName)
                        || (field.kind() == FieldKind.ONE_TO_MANY && !inlines.contains(field.path())
                                && !oneWay(type, field.path()));
                if (!skip) {
                    form.addAll(formFieldsOf(field, all, readOnly));
                }
            }
        }
        if (!editable) {
            form = form.stream().map(AdminField::asReadOnly).toList();
        }

        if (messages.stream().anyMatch(CheckMessage::isSerious)) {
            return new Resolution<>(null, messages);
        }
        if (editable) {
            messages.addAll(FormCoverageChecks.check(type, all, form, idName));
        }
        AdminModel<T> model = new AdminModel<>(admin, slug, label, plural, idName, idType, editable, columns,
                search, filters, ordering, perPage, form, autocomplete, all);
        return new Resolution<>(model.withInlineRows(inlineRows(type, form)), messages);
    }

    /** Maximum number of a child's attributes edited in an inline row; the rest stay on the child's own form. */
    static final int INLINE_COLUMNS = 6;

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
            EntityType<?> child = metamodel.entity(inline.target());
            String childId = child.hasSingleIdAttribute()
                    ? child.getId(child.getIdType().getJavaType()).getName() : null;
            if (childId == null) {
                continue;
            }
            List<AdminField> editable = describe(child, "", new LinkedHashSet<>()).stream()
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

    private static List<String> defaultColumns(List<AdminField> all, String idName) {
        List<String> columns = new ArrayList<>();
        if (idName != null) {
            columns.add(idName);
        }
        all.stream()
                .filter(f -> !f.path().contains(".") && !f.path().equals(idName))
                .filter(f -> f.kind().isSortable())
                .limit(DEFAULT_COLUMNS)
                .forEach(f -> columns.add(f.path()));
        return columns;
    }

    private static boolean isSupportedId(Class<?> type) {
        return type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == String.class || type == UUID.class;
    }

    /** Attributes of a managed type in declaration order, with embeddables flattened after their own entry. */
    private List<AdminField> describe(ManagedType<?> type, String prefix, Set<Class<?>> visiting) {
        List<AdminField> fields = new ArrayList<>();
        if (!visiting.add(type.getJavaType())) {
            return fields;
        }
        for (Attribute<?, ?> attribute : inDeclarationOrder(type)) {
            if (attribute instanceof SingularAttribute<?, ?> singular && singular.isVersion()) {
                continue;
            }
            AdminField field = describe(attribute, prefix);
            fields.add(field);
            if (field.kind() == FieldKind.EMBEDDED) {
                EmbeddableType<?> embeddable = metamodel.embeddable(attribute.getJavaType());
                fields.addAll(describe(embeddable, field.path() + ".", visiting));
            }
        }
        visiting.remove(type.getJavaType());
        return fields;
    }

    private AdminField describe(Attribute<?, ?> attribute, String prefix) {
        String path = prefix + attribute.getName();
        String label = Names.humanize(attribute.getName());
        Member member = attribute.getJavaMember();
        AnnotatedElement annotated = member instanceof AnnotatedElement element ? element : null;
        if (attribute instanceof PluralAttribute<?, ?, ?> plural) {
            Class<?> element = plural.getElementType().getJavaType();
            FieldKind kind = switch (attribute.getPersistentAttributeType()) {
                case MANY_TO_MANY -> FieldKind.MANY_TO_MANY;
                case ONE_TO_MANY -> FieldKind.ONE_TO_MANY;
                default -> FieldKind.ELEMENT_COLLECTION;
            };
            Class<?> target = kind == FieldKind.ELEMENT_COLLECTION ? null : element;
            // Collections of strings are edited as a set of values; other element collections are shown read-only.
            // One-to-many relations are edited as inline rows (see inlineRows); other element collections than
            // strings are shown read-only.
            boolean readOnly = kind == FieldKind.ELEMENT_COLLECTION && element != String.class;
            return new AdminField(path, label, kind, element, target, false, 0, readOnly);
        }
        SingularAttribute<?, ?> singular = (SingularAttribute<?, ?>) attribute;
        Class<?> type = attribute.getJavaType();
        FieldKind kind = switch (attribute.getPersistentAttributeType()) {
            case MANY_TO_ONE, ONE_TO_ONE -> FieldKind.MANY_TO_ONE;
            case EMBEDDED -> FieldKind.EMBEDDED;
            default -> basicKind(type, annotated);
        };
        int maxLength = kind == FieldKind.LONG_TEXT && has(annotated, Lob.class) ? 0 : maxLength(annotated);
        if (kind == FieldKind.TEXT && maxLength > 255) {
            kind = FieldKind.LONG_TEXT;
        }
        boolean required = kind != FieldKind.BOOLEAN && kind != FieldKind.EMBEDDED
                && (has(annotated, NotNull.class) || has(annotated, NotBlank.class) || has(annotated, NotEmpty.class)
                || (!singular.isOptional() && !type.isPrimitive()));
        boolean readOnly = (singular.isId() && has(annotated, GeneratedValue.class)) || kind == FieldKind.UUID
                || kind == FieldKind.OTHER || kind == FieldKind.BINARY;
        Class<?> target = kind == FieldKind.MANY_TO_ONE ? type : null;
        return new AdminField(path, label, kind, type, target, required, maxLength, readOnly);
    }

    private static FieldKind basicKind(Class<?> type, AnnotatedElement annotated) {
        if (type == String.class) {
            return has(annotated, Lob.class) ? FieldKind.LONG_TEXT : FieldKind.TEXT;
        }
        FieldKind kind = BASIC_KINDS.get(type);
        if (kind != null) {
            return kind;
        }
        return type.isEnum() ? FieldKind.ENUM : FieldKind.OTHER;
    }

    /** Java types the form has a fitting field for; anything else is shown read-only (admin.W201). */
    private static final Map<Class<?>, FieldKind> BASIC_KINDS = Map.ofEntries(
            Map.entry(Integer.class, FieldKind.INTEGER), Map.entry(int.class, FieldKind.INTEGER),
            Map.entry(Short.class, FieldKind.INTEGER), Map.entry(short.class, FieldKind.INTEGER),
            Map.entry(Byte.class, FieldKind.INTEGER), Map.entry(byte.class, FieldKind.INTEGER),
            Map.entry(Long.class, FieldKind.LONG), Map.entry(long.class, FieldKind.LONG),
            Map.entry(BigDecimal.class, FieldKind.DECIMAL),
            Map.entry(Double.class, FieldKind.DOUBLE), Map.entry(double.class, FieldKind.DOUBLE),
            Map.entry(Float.class, FieldKind.DOUBLE), Map.entry(float.class, FieldKind.DOUBLE),
            Map.entry(Boolean.class, FieldKind.BOOLEAN), Map.entry(boolean.class, FieldKind.BOOLEAN),
            Map.entry(Character.class, FieldKind.CHAR), Map.entry(char.class, FieldKind.CHAR),
            Map.entry(LocalDate.class, FieldKind.DATE), Map.entry(LocalDateTime.class, FieldKind.DATE_TIME),
            Map.entry(Instant.class, FieldKind.INSTANT), Map.entry(LocalTime.class, FieldKind.TIME),
            Map.entry(OffsetDateTime.class, FieldKind.OFFSET_DATE_TIME),
            Map.entry(ZonedDateTime.class, FieldKind.OFFSET_DATE_TIME),
            Map.entry(Year.class, FieldKind.YEAR), Map.entry(YearMonth.class, FieldKind.YEAR_MONTH),
            Map.entry(UUID.class, FieldKind.UUID), Map.entry(byte[].class, FieldKind.BINARY),
            Map.entry(Byte[].class, FieldKind.BINARY),
            Map.entry(BigInteger.class, FieldKind.VALUE_TEXT), Map.entry(Duration.class, FieldKind.VALUE_TEXT),
            Map.entry(Currency.class, FieldKind.VALUE_TEXT), Map.entry(Locale.class, FieldKind.VALUE_TEXT),
            Map.entry(ZoneId.class, FieldKind.VALUE_TEXT), Map.entry(URI.class, FieldKind.VALUE_TEXT));

    private static int maxLength(AnnotatedElement annotated) {
        if (annotated == null) {
            return 0;
        }
        Size size = annotated.getAnnotation(Size.class);
        if (size != null && size.max() < Integer.MAX_VALUE) {
            return size.max();
        }
        Column column = annotated.getAnnotation(Column.class);
        return column != null ? column.length() : 255;
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

    private static boolean has(AnnotatedElement annotated, Class<? extends Annotation> annotation) {
        return annotated != null && annotated.isAnnotationPresent(annotation);
    }

    private static List<Attribute<?, ?>> inDeclarationOrder(ManagedType<?> type) {
        List<String> order = new ArrayList<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type.getJavaType(); c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.addFirst(c);
        }
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                order.add(field.getName());
            }
        }
        List<Attribute<?, ?>> attributes = new ArrayList<>(type.getAttributes());
        attributes.sort((a, b) -> {
            int ia = order.indexOf(a.getName());
            int ib = order.indexOf(b.getName());
            return Integer.compare(ia < 0 ? Integer.MAX_VALUE : ia, ib < 0 ? Integer.MAX_VALUE : ib);
        });
        return attributes;
    }

    /** Collects messages in one format, so every option reports the same way. */
    private final class Checker {

        private final String entityName;
        private final String source;
        private final List<CheckMessage> messages;

        Checker(String entityName, String source, List<CheckMessage> messages) {
            this.entityName = entityName;
            this.source = source;
            this.messages = messages;
        }

        void error(String id, String option, String value, String problem, String hint) {
            messages.add(CheckMessage.error(id, source,
                    "The value of '" + option + "' refers to '" + value + "', which " + problem + ".", hint));
        }

        /** Resolves a dotted path, reporting an unknown segment with a "did you mean" hint. */
        AdminField path(EntityType<?> entity, String option, String path, String id, Set<String> topLevelNames) {
            ManagedType<?> type = entity;
            String[] segments = path.split("\\.");
            String resolved = "";
            AdminField field = null;
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                Attribute<?, ?> attribute = find(type, segment);
                if (attribute == null) {
                    List<String> candidates = type.getAttributes().stream().map(Attribute::getName).sorted().toList();
                    String where = i == 0 ? entityName : type.getJavaType().getSimpleName() + " (via '" + resolved + "')";
                    String hint = Names.closest(segment, candidates).map(c -> "Did you mean '" + c + "'? ").orElse("")
                            + "Attributes of " + type.getJavaType().getSimpleName() + ": " + String.join(", ", candidates)
                            + ".";
                    error(id, option, path, "is not an attribute of " + where, hint);
                    return null;
                }
                resolved = resolved.isEmpty() ? segment : resolved + "." + segment;
                AdminField described = describe(attribute, "");
                boolean last = i == segments.length - 1;
                if (!last) {
                    if (described.kind() == FieldKind.MANY_TO_ONE) {
                        type = metamodel.managedType(described.target());
                    } else if (described.kind() == FieldKind.EMBEDDED) {
                        type = metamodel.embeddable(described.javaType());
                    } else {
                        error(id, option, path, "goes through '" + resolved + "', which is not a to-one relation or an"
                                + " embedded value", "Paths may only cross to-one relations and embedded values.");
                        return null;
                    }
                }
                field = new AdminField(path, segments.length == 1 ? described.label() : Names.humanize(path),
                        described.kind(), described.javaType(), described.target(), described.required(),
                        described.maxLength(), described.readOnly() || !last || segments.length > 1);
            }
            return field;
        }

        /** Checks names that must be attributes of the entity itself; returns those that are. */
        List<String> topLevel(String option, List<String> values, String id, Map<String, AdminField> byPath) {
            List<String> valid = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (byPath.containsKey(value) && !value.contains(".")) {
                    valid.add(value);
                } else {
                    List<String> candidates = byPath.keySet().stream().filter(n -> !n.contains(".")).toList();
                    error(id, option + "[" + i + "]", value, "is not an attribute of " + entityName,
                            Names.closest(value, candidates).map(c -> "Did you mean '" + c + "'? ").orElse("")
                                    + "Attributes of " + entityName + ": " + String.join(", ", candidates) + ".");
                }
            }
            return valid;
        }

        private Attribute<?, ?> find(ManagedType<?> type, String name) {
            return type.getAttributes().stream().filter(a -> a.getName().equals(name)).findFirst().orElse(null);
        }
    }
}
