package dev.portcullis.admin.model.internal;

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
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.FieldKind;

/**
 * The attributes of one entity as the admin sees them, read from the JPA metamodel: every attribute in declaration
 * order (embedded values flattened after their own entry), the id, and dotted paths across to-one relations and
 * embedded values. Both the option checks and the model are built from it, so they never disagree about a name.
 */
final class EntityAttributes {

    private final Metamodel metamodel;
    private final EntityType<?> entity;
    private final List<AdminField> all;
    private final Map<String, AdminField> byPath;

    EntityAttributes(Metamodel metamodel, EntityType<?> entity) {
        this.metamodel = metamodel;
        this.entity = entity;
        this.all = describe(entity, "", new LinkedHashSet<>());
        this.byPath = all.stream()
                .collect(Collectors.toMap(AdminField::path, f -> f, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * A dotted path looked up: the field, or (field null) why the path is wrong and a hint naming the attributes
     * that exist.
     */
    record Lookup(AdminField field, String problem, String hint) {
    }

    String entityName() {
        return entity.getJavaType().getSimpleName();
    }

    /** Every attribute, embedded values' attributes as dotted paths after their own entry. */
    List<AdminField> all() {
        return all;
    }

    Set<String> paths() {
        return byPath.keySet();
    }

    AdminField get(String path) {
        return byPath.get(path);
    }

    /** Whether the name is an attribute of the entity itself (not a dotted path). */
    boolean isTopLevel(String name) {
        return byPath.containsKey(name) && !name.contains(".");
    }

    /** The entity's own attribute names, in declaration order. */
    List<String> topLevelNames() {
        return byPath.keySet().stream().filter(n -> !n.contains(".")).toList();
    }

    String idName() {
        return entity.hasSingleIdAttribute() ? entity.getId(entity.getIdType().getJavaType()).getName() : null;
    }

    Class<?> idType() {
        return entity.hasSingleIdAttribute() ? entity.getIdType().getJavaType() : null;
    }

    /** Whether rows can be edited: the admin addresses a row by a single id of a type it can parse. */
    boolean editable() {
        return entity.hasSingleIdAttribute() && isSupportedId(entity.getIdType().getJavaType());
    }

    /** Resolves a dotted path such as "author.name"; a wrong segment comes back with a "did you mean" hint. */
    Lookup lookup(String path) {
        ManagedType<?> type = entity;
        String[] segments = path.split("\\.");
        String resolved = "";
        AdminField field = null;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            Attribute<?, ?> attribute = find(type, segment);
            if (attribute == null) {
                List<String> candidates = type.getAttributes().stream().map(Attribute::getName).sorted().toList();
                String where = i == 0 ? entityName() : type.getJavaType().getSimpleName() + " (via '" + resolved + "')";
                String hint = Names.closest(segment, candidates).map(c -> "Did you mean '" + c + "'? ").orElse("")
                        + "Attributes of " + type.getJavaType().getSimpleName() + ": " + String.join(", ", candidates)
                        + ".";
                return new Lookup(null, "is not an attribute of " + where, hint);
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
                    return new Lookup(null, "goes through '" + resolved + "', which is not a to-one relation or an"
                            + " embedded value", "Paths may only cross to-one relations and embedded values.");
                }
            }
            field = new AdminField(path, segments.length == 1 ? described.label() : Names.humanize(path),
                    described.kind(), described.javaType(), described.target(), described.required(),
                    described.maxLength(), described.readOnly() || !last || segments.length > 1,
                    segments.length == 1 ? described.labelOwner() : null);
        }
        return new Lookup(field, null, null);
    }

    private static Attribute<?, ?> find(ManagedType<?> type, String name) {
        return type.getAttributes().stream().filter(a -> a.getName().equals(name)).findFirst().orElse(null);
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

    private static AdminField describe(Attribute<?, ?> attribute, String prefix) {
        String path = prefix + attribute.getName();
        Class<?> owner = attribute.getDeclaringType().getJavaType();
        // The base words, fixed at start-up; AdminField.label() reads the user's language through the owner.
        String label = ValueLabels.attribute(owner, attribute.getName(), Locale.ROOT);
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
            return new AdminField(path, label, kind, element, target, false, 0, readOnly, owner);
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
        return new AdminField(path, label, kind, type, target, required, maxLength, readOnly, owner);
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
}
