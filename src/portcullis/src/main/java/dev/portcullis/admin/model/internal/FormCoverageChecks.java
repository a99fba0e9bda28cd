package dev.portcullis.admin.model.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.portcullis.checks.CheckMessage;

import jakarta.persistence.PrePersist;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.FieldKind;

/**
 * Start-up checks that the generated form can fill what the database needs: {@code admin.W200} for a required
 * attribute the form cannot edit (every "Add" would then fail), {@code admin.W201} for an attribute of a type the
 * form can only show read-only.
 */
final class FormCoverageChecks {

    private FormCoverageChecks() {
    }

    static List<CheckMessage> check(Class<?> type, List<AdminField> all, List<AdminField> form, String idName) {
        List<CheckMessage> messages = new ArrayList<>();
        String source = type.getName();
        String entity = type.getSimpleName();
        Map<String, AdminField> inForm = form.stream()
                .collect(Collectors.toMap(AdminField::path, Function.identity(), (a, b) -> a));
        Object fresh = freshInstance(type);
        boolean filledOnPersist = hasPrePersist(type);
        for (AdminField field : all) {
            AdminField shown = inForm.get(field.path());
            boolean editable = shown != null && !shown.readOnly();
            if (field.required() && !editable && !field.path().equals(idName) && !field.kind().isRelation()
                    && field.kind() != FieldKind.EMBEDDED && !filledOnPersist && isEmptyWhenNew(fresh, field)) {
                messages.add(CheckMessage.warning("admin.W200", source,
                        "'" + entity + "." + field.path() + "' is required, but the admin form cannot edit it ("
                                + (shown == null ? "it is not in the form" : "it is shown read-only") + "), so"
                                + " adding a " + Names.humanize(entity).toLowerCase(java.util.Locale.ROOT)
                                + " in the admin will fail.",
                        "Give it a value in the constructor or a @PrePersist method, make it optional, or add it to"
                                + " the form (remove it from 'exclude'/'readonlyFields', or change its type to one"
                                + " the form can edit)."));
            } else if (shown != null && (field.kind() == FieldKind.OTHER || field.kind() == FieldKind.BINARY)) {
                messages.add(CheckMessage.warning("admin.W201", source,
                        "'" + entity + "." + field.path() + "' is " + article(field.kind()) + " ("
                                + field.javaType().getSimpleName() + "), which the admin form shows read-only.",
                        field.kind() == FieldKind.BINARY
                                ? "Upload and download it in a view of your own, or list it in 'exclude' to hide it."
                                : "Map it to a type the form can edit (text, number, date/time, enum, ...) with an"
                                        + " AttributeConverter, or list it in 'exclude' or 'readonlyFields'."));
            }
        }
        return messages;
    }

    private static String article(FieldKind kind) {
        String words = kind.description();
        return (words.matches("^[aeiou].*") ? "an " : "a ") + words;
    }

    private static boolean isEmptyWhenNew(Object fresh, AdminField field) {
        if (fresh == null) {
            return true;
        }
        try {
            return PropertyValues.read(fresh, field.path()) == null;
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    private static Object freshInstance(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException cannot) {
            return null;
        }
    }

    private static boolean hasPrePersist(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(PrePersist.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
