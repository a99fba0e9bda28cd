package dev.portcullis.admin.model;

import java.lang.reflect.Field;
import java.util.List;

import org.hibernate.Hibernate;
import org.hibernate.LazyInitializationException;
import org.hibernate.proxy.HibernateProxy;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import dev.portcullis.admin.model.internal.Names;
import dev.portcullis.admin.model.internal.PropertyValues;

/**
 * How a row is named on screen (Django's {@code __str__}): its own {@code toString()} when the class writes one,
 * else a name-like attribute, else "Order line #17". Never {@code Object.toString()}'s {@code OrderLine@55bcd020}.
 */
public final class EntityLabels {

    private static final List<String> NAME_ATTRIBUTES =
            List.of("name", "title", "label", "displayName", "fullName", "username", "email", "code");

    private EntityLabels() {
    }

    public static String of(Object entity) {
        if (entity == null) {
            return "";
        }
        Object target;
        try {
            target = Hibernate.unproxy(entity);
        } catch (LazyInitializationException notLoaded) {
            HibernateProxy proxy = (HibernateProxy) entity;
            return fallback(proxy.getHibernateLazyInitializer().getPersistentClass(),
                    proxy.getHibernateLazyInitializer().getIdentifier());
        }
        Class<?> type = target.getClass();
        if (writesToString(type)) {
            String text = String.valueOf(target);
            if (!text.isBlank()) {
                return text;
            }
        }
        for (String name : NAME_ATTRIBUTES) {
            if (field(type, name) != null && PropertyValues.read(target, name) instanceof String text
                    && !text.isBlank()) {
                return text;
            }
        }
        if (field(type, "firstName") != null && field(type, "lastName") != null) {
            String full = (text(target, "firstName") + " " + text(target, "lastName")).strip();
            if (!full.isEmpty()) {
                return full;
            }
        }
        return fallback(type, id(target));
    }

    /** Whether an entity class would fall back to "Entity #id" (no toString of its own and no name-like attribute). */
    public static boolean fallsBackToId(Class<?> type) {
        return !writesToString(type) && NAME_ATTRIBUTES.stream().noneMatch(n -> field(type, n) != null);
    }

    private static String fallback(Class<?> type, Object id) {
        return Names.humanize(type.getSimpleName()) + (id == null ? " (new)" : " #" + id);
    }

    private static boolean writesToString(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("toString");
                return true;
            } catch (NoSuchMethodException notHere) {
                // look in the superclass
            }
        }
        return false;
    }

    private static String text(Object target, String name) {
        Object value = PropertyValues.read(target, name);
        return value == null ? "" : value.toString();
    }

    private static Object id(Object target) {
        for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(EmbeddedId.class)) {
                    return PropertyValues.read(target, field.getName());
                }
            }
        }
        return null;
    }

    private static Field field(Class<?> type, String name) {
        return org.springframework.util.ReflectionUtils.findField(type, name);
    }
}
