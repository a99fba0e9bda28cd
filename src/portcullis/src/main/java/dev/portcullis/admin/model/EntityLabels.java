package dev.portcullis.admin.model;

import dev.portcullis.i18n.Messages;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.Hibernate;
import org.hibernate.LazyInitializationException;
import org.hibernate.proxy.HibernateProxy;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import dev.portcullis.admin.model.internal.Names;
import dev.portcullis.admin.model.internal.PropertyValues;

import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.admin.model.internal.ValueLabels;

/**
 * How a row is named on screen (Django's {@code __str__}): its {@link ModelAdmin#toLabel} or
 * {@link ModelAdmin#labelAttribute()} when the admin declares one, else its own {@code toString()} when the class
 * writes one, else a name-like attribute, else "Order line #17". Never {@code Object.toString()}'s
 * {@code OrderLine@55bcd020}.
 */
public final class EntityLabels {

    public static final List<String> NAME_ATTRIBUTES =
            List.of("name", "title", "label", "displayName", "fullName", "username", "email", "code");

    /**
     * The admins that name their rows, by entity class. Labels are asked for from places with no registry at hand
     * (a combo box's item labels, a cell, a log line), so the registry leaves them here at start-up; an entity class
     * has one admin per application, and a later start (another context in the same JVM) replaces it.
     */
    private static final Map<Class<?>, ModelAdmin<?>> NAMING = new ConcurrentHashMap<>();

    private EntityLabels() {
    }

    /** Lets the admin of an entity name its rows; a no-op for admins that declare neither option. */
    static void use(ModelAdmin<?> admin) {
        if (admin.labelAttribute() != null || overridesToLabel(admin)) {
            NAMING.put(admin.entityClass(), admin);
        } else {
            NAMING.remove(admin.entityClass());
        }
    }

    /** Whether the admin's class writes a {@code toLabel} of its own. */
    public static boolean overridesToLabel(ModelAdmin<?> admin) {
        for (Class<?> c = admin.getClass(); c != null && c != ModelAdmin.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Method method : c.getDeclaredMethods()) {
                if (method.getName().equals("toLabel") && method.getParameterCount() == 1 && !method.isBridge()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "The silent harbor", "Jean Coleman", "Order line #17"; "" for null. */
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
        String declared = declared(type, target);
        if (declared != null) {
            return declared;
        }
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
        return !writesToString(type) && NAME_ATTRIBUTES.stream().noneMatch(n -> field(type, n) != null)
                && (field(type, "firstName") == null || field(type, "lastName") == null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String declared(Class<?> type, Object target) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            ModelAdmin admin = NAMING.get(c);
            if (admin == null) {
                continue;
            }
            String label = admin.toLabel(target);
            if (label == null && admin.labelAttribute() != null) {
                Object value = PropertyValues.read(target, admin.labelAttribute());
                if (value instanceof HibernateProxy proxy && proxy.getHibernateLazyInitializer().isUninitialized()) {
                    try {
                        Hibernate.initialize(proxy);
                    } catch (org.hibernate.HibernateException noSession) {
                        return null; // not loaded and no session to load it: the defaults below, not "Book #5"
                    }
                }
                label = value == null ? null : value instanceof Enum<?> constant ? ValueLabels.of(constant)
                        : value.getClass().isAnnotationPresent(jakarta.persistence.Entity.class)
                        || value instanceof HibernateProxy ? of(value) : value.toString();
            }
            return label == null || label.isBlank() ? null : label;
        }
        return null;
    }

    private static String fallback(Class<?> type, Object id) {
        String entity = ValueLabels.entity(type, Names.humanize(type.getSimpleName()));
        return id == null ? Messages.get("admin.row.new", entity) : Messages.get("admin.row.numbered", entity,
                String.valueOf(id));
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

    /** The row's id as read from its {@code @Id} or {@code @EmbeddedId} attribute; null for a new row. */
    public static Object idOf(Object entity) {
        return entity instanceof HibernateProxy proxy ? proxy.getHibernateLazyInitializer().getIdentifier()
                : id(entity);
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
