package dev.portcullis.admin.data.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.i18n.Messages;

/**
 * Reads list filters from URL parameters: {@code inStock=true}, {@code genre=SCIFI}, {@code author=42}, and
 * date ranges as {@code publishedOn_from=2020-01-01&publishedOn_to=2020-12-31}. Values that do not parse are
 * reported, not guessed at.
 */
public final class ListFilters {

    public static final String FROM = "_from";
    public static final String TO = "_to";

    private ListFilters() {
    }

    /** A filter's value: a single value, or a range with either end open. */
    public record Value(Object single, Object from, Object to) {
    }

    public record Parsed(Map<AdminField, Value> values, List<String> problems) {
    }

    /** @param relatedIds a related entity's id from its text form, null when it does not parse */
    public static Parsed parse(AdminModel<?> model, Map<String, String> raw,
            BiFunction<Class<?>, String, Object> relatedIds) {
        Map<AdminField, Value> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<AdminField> fields = new ArrayList<>(model.filters());
        // The date drill-down filters by its attribute's range even when it is not a declared filter.
        String hierarchy = model.admin().dateHierarchy();
        if (hierarchy != null && fields.stream().noneMatch(f -> f.path().equals(hierarchy))) {
            model.field(hierarchy).filter(f -> f.kind().isTemporal()).ifPresent(fields::add);
        }
        for (AdminField field : fields) {
            String name = field.path();
            try {
                if (field.kind().isTemporal()) {
                    LocalDate from = date(raw.get(name + FROM));
                    LocalDate to = date(raw.get(name + TO));
                    if (from != null || to != null) {
                        values.put(field, new Value(null, from, to));
                    }
                    continue;
                }
                String text = raw.get(name);
                if (text == null || text.isBlank()) {
                    continue;
                }
                Object value = switch (field.kind()) {
                    case BOOLEAN -> bool(text);
                    case ENUM -> enumValue(field.javaType(), text);
                    case MANY_TO_ONE -> relatedId(field, text, relatedIds);
                    default -> text;
                };
                values.put(field, new Value(value, null, null));
            } catch (IllegalArgumentException | DateTimeParseException bad) {
                problems.add(Messages.get("list.filters.ignored", field.label(), abbreviate(raw.getOrDefault(name,
                        raw.getOrDefault(name + FROM, raw.get(name + TO))))));
            }
        }
        return new Parsed(values, problems);
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String text) {
        return Enum.valueOf((Class<? extends Enum>) type, text);
    }

    private static Object relatedId(AdminField field, String text, BiFunction<Class<?>, String, Object> relatedIds) {
        Object id = relatedIds.apply(field.target(), text);
        if (id == null) {
            throw new IllegalArgumentException(text);
        }
        return id;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
