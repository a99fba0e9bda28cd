package dev.portcullis.admin.data.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.admin.model.SortOrder;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

/**
 * Keyset ("seek") pagination: a page starts right after the sort values of the previous page's last row, so the
 * database seeks through an index instead of counting off rows. A cursor holds those values, length-prefixed and
 * Base64url-encoded; it is only ever bound as query parameters, and one that does not parse is ignored.
 */
final class Keyset {

    /** Cursor prefixes: the page after a row, or the page before one. */
    static final char AFTER = 'a';
    static final char BEFORE = 'b';

    private Keyset() {
    }

    /** Whether every term can be sought by key: a single non-null value of a comparable basic type. */
    static boolean supports(AdminModel<?> model, List<SortOrder> terms) {
        for (SortOrder term : terms) {
            if (term.path().equals(model.idAttribute())) {
                continue;
            }
            if (term.path().contains(".")) {
                return false;
            }
            AdminField field = model.field(term.path()).orElse(null);
            if (field == null || !(field.required() || field.javaType().isPrimitive()) || !comparable(field.kind())) {
                return false;
            }
        }
        return true;
    }

    private static boolean comparable(FieldKind kind) {
        return switch (kind) {
            case TEXT, INTEGER, LONG, DECIMAL, DOUBLE, BOOLEAN, ENUM, DATE, DATE_TIME, INSTANT, UUID -> true;
            default -> false;
        };
    }

    static String cursor(char direction, AdminModel<?> model, List<SortOrder> terms, Object row) {
        StringBuilder text = new StringBuilder().append(direction);
        for (SortOrder term : terms) {
            Object value = PropertyValues.read(row, term.path());
            String part = value instanceof Enum<?> constant ? constant.name()
                    : value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
            text.append(part.length()).append(':').append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's direction and values, typed per term; null when it does not parse or does not fit the terms. */
    static Parsed parse(String cursor, AdminModel<?> model, List<SortOrder> terms) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            char direction = text.charAt(0);
            if (direction != AFTER && direction != BEFORE) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            int at = 1;
            for (SortOrder term : terms) {
                int colon = text.indexOf(':', at);
                int length = Integer.parseInt(text.substring(at, colon));
                String part = text.substring(colon + 1, colon + 1 + length);
                at = colon + 1 + length;
                values.add(convert(part, typeOf(model, term.path())));
            }
            return at == text.length() ? new Parsed(direction == AFTER, values) : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    record Parsed(boolean after, List<Object> values) {
    }

    /**
     * Rows strictly after (or before) the cursor in the given order: (a > x) or (a = x and b > y) or ..., with
     * "greater" meaning "later in this term's direction".
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Predicate predicate(CriteriaBuilder cb, List<Path<?>> paths, List<SortOrder> terms, Parsed cursor) {
        List<Predicate> alternatives = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            List<Predicate> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                parts.add(cb.equal(paths.get(j), cursor.values().get(j)));
            }
            boolean later = terms.get(i).descending() != cursor.after();
            Expression path = paths.get(i);
            Comparable value = (Comparable) cursor.values().get(i);
            parts.add(later ? cb.greaterThan(path, value) : cb.lessThan(path, value));
            alternatives.add(cb.and(parts.toArray(Predicate[]::new)));
        }
        // The redundant bound on the first term gives the database a range to start an index scan at; without it
        // PostgreSQL reads the OR as a filter and walks the index from the top.
        boolean firstLater = terms.getFirst().descending() != cursor.after();
        Expression first = paths.getFirst();
        Comparable start = (Comparable) cursor.values().getFirst();
        return cb.and(firstLater ? cb.greaterThanOrEqualTo(first, start) : cb.lessThanOrEqualTo(first, start),
                cb.or(alternatives.toArray(Predicate[]::new)));
    }

    private static Class<?> typeOf(AdminModel<?> model, String path) {
        return path.equals(model.idAttribute()) ? model.idType()
                : model.field(path).map(AdminField::javaType).orElseThrow();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(String text, Class<?> type) {
        if (type == String.class) {
            return text;
        }
        if (type == Long.class || type == long.class) {
            return Long.valueOf(text);
        }
        if (type == Integer.class || type == int.class) {
            return Integer.valueOf(text);
        }
        if (type == Short.class || type == short.class) {
            return Short.valueOf(text);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(text);
        }
        if (type == Double.class || type == double.class) {
            return Double.valueOf(text);
        }
        if (type == Float.class || type == float.class) {
            return Float.valueOf(text);
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.valueOf(text);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text);
        }
        if (type == Instant.class) {
            return Instant.parse(text);
        }
        if (type == UUID.class) {
            return UUID.fromString(text);
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        }
        throw new IllegalArgumentException("not a keyset type: " + type);
    }
}
