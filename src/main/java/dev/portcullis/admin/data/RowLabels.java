package dev.portcullis.admin.data;

import java.util.List;
import java.util.Locale;

import org.hibernate.Hibernate;

import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.PropertyValues;

/**
 * How a row and its entity read to an admin in delete previews and the history: the entity's own
 * {@code toString()} when it has one, else a name- or title-like attribute, else "Visit #12"; never
 * {@code Object.toString()} ("Visit@1b2c3d").
 */
final class RowLabels {

    private static final List<String> NAME_LIKE = List.of("name", "title", "label", "displayName", "fullName",
            "username", "code");

    private final AdminRegistry registry;

    RowLabels(AdminRegistry registry) {
        this.registry = registry;
    }

    /** "Jean Coleman", "Leo", "Visit #3". */
    String of(Object row, Object id) {
        Object real = Hibernate.unproxy(row);
        if (ownToString(real.getClass())) {
            return String.valueOf(real);
        }
        for (String name : NAME_LIKE) {
            Object value = readQuietly(real, name);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        Object first = readQuietly(real, "firstName");
        Object last = readQuietly(real, "lastName");
        if (first instanceof String || last instanceof String) {
            return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        }
        return singular(real.getClass()) + " #" + id;
    }

    /** "Pet", or the administered entity's label. */
    String singular(Class<?> type) {
        return registry.byClass(type).map(AdminModel::label).orElseGet(() -> humanize(type.getSimpleName()));
    }

    /** "Pets", or the administered entity's plural label. */
    String plural(Class<?> type) {
        return registry.byClass(type).map(AdminModel::pluralLabel).orElseGet(() -> humanize(type.getSimpleName()) + "s");
    }

    /** "vetSpecialties" → "Vet specialties". */
    static String humanize(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT).trim();
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static boolean ownToString(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("toString");
                return true;
            } catch (NoSuchMethodException notHere) {
                // look further up
            }
        }
        return false;
    }

    private static Object readQuietly(Object row, String attribute) {
        try {
            return PropertyValues.read(row, attribute);
        } catch (RuntimeException absent) {
            return null;
        }
    }
}
