package dev.portcullis.admin.data.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.portcullis.admin.AdminChange.FieldChange;
import dev.portcullis.admin.AdminSecret;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.admin.model.internal.ValueLabels;

import jakarta.persistence.PersistenceUnitUtil;

/**
 * The field values of a row as text, for the history log's diffs. Secret fields are kept only as a digest, in memory,
 * so a change to them can be noticed without their value ever being written anywhere.
 */
public final class HistorySnapshots {

    /** Names that mean "secret" whatever the entity: password hashes, TOTP secrets, API tokens, recovery codes. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|passphrase|secret|token|totp|api_?key|private_?key|salt|recovery|credential).*");
    private static final String SECRET_PREFIX = "\u0000secret:";
    private static final int MAX_VALUE_LENGTH = 1_000;

    private final PersistenceUnitUtil util;

    public HistorySnapshots(PersistenceUnitUtil util) {
        this.util = util;
    }

    /** Every recordable field of the row, by path, as text (null for no value). */
    <T> Map<String, String> of(AdminModel<T> model, T entity) {
        Map<String, String> values = new LinkedHashMap<>();
        for (AdminField field : model.allFields()) {
            if (field.kind() == FieldKind.EMBEDDED || field.kind() == FieldKind.ONE_TO_MANY) {
                continue;
            }
            Object value = PropertyValues.read(entity, field.path());
            String text = text(field, value);
            values.put(field.path(), isSecret(model, field.path()) && text != null ? SECRET_PREFIX + digest(text) : text);
        }
        return values;
    }

    /** The fields whose values differ, in field order; secret ones masked. */
    static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
        List<FieldChange> changes = new ArrayList<>();
        List<String> names = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(names::add);
        for (String name : names) {
            String old = before.get(name);
            String now = after.get(name);
            if (Objects.equals(old, now)) {
                continue;
            }
            boolean secret = isMarkedSecret(old) || isMarkedSecret(now);
            changes.add(secret ? new FieldChange(name, null, null, true) : new FieldChange(name, old, now, false));
        }
        return changes;
    }

    static boolean isSecret(AdminModel<?> model, String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return SECRET_NAME.matcher(last).matches() || model.admin().secretFields().contains(path)
                || annotated(model.entityClass(), path);
    }

    private static boolean isMarkedSecret(String value) {
        return value != null && value.startsWith(SECRET_PREFIX);
    }

    private String text(AdminField field, Object value) {
        if (value == null) {
            return null;
        }
        String text = switch (field.kind()) {
            case MANY_TO_ONE -> related(value);
            case MANY_TO_MANY, ELEMENT_COLLECTION -> {
                List<String> items = new ArrayList<>();
                for (Object item : (Collection<?>) value) {
                    items.add(field.kind() == FieldKind.MANY_TO_MANY ? related(item) : String.valueOf(item));
                }
                items.sort(null);
                yield String.join(", ", items);
            }
            default -> switch (value) {
                case BigDecimal decimal -> decimal.toPlainString();
                // "Science fiction", as the form offers it; stored in the base words, whoever saved
                case Enum<?> constant -> ValueLabels.of(constant, java.util.Locale.ROOT);
                case Boolean yes -> yes ? "Yes" : "No";
                default -> String.valueOf(value);
            };
        };
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "…" : text;
    }

    /** "Jean Coleman (#12)": the row's label, never its {@code Object.toString()}, and its id to tell namesakes apart. */
    private String related(Object value) {
        Object id = util.getIdentifier(value);
        return EntityLabels.of(value) + " (#" + id + ")";
    }

    private static boolean annotated(Class<?> type, String path) {
        Class<?> current = type;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            AnnotatedElement member = member(current, segments[i]);
            if (member == null) {
                return false;
            }
            if (i == segments.length - 1) {
                return member.isAnnotationPresent(AdminSecret.class)
                        || getter(current, segments[i]) instanceof Method getter
                                && getter.isAnnotationPresent(AdminSecret.class);
            }
            current = ((Field) member).getType();
        }
        return false;
    }

    private static AnnotatedElement member(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        return null;
    }

    private static Method getter(Class<?> type, String name) {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String prefix : List.of("get", "is")) {
            try {
                return type.getMethod(prefix + suffix);
            } catch (NoSuchMethodException notThere) {
                // try the next form
            }
        }
        return null;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
