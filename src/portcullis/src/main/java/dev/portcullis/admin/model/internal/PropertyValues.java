package dev.portcullis.admin.model.internal;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Field;
import java.util.Collection;

import org.hibernate.Hibernate;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.util.ReflectionUtils;
import dev.portcullis.admin.model.AdminModel;

/**
 * Reads and writes attribute values along dotted paths, as entities are written: through a getter or setter when
 * one exists with the attribute's own type, else through the field. Collections are changed in place (cleared and
 * refilled), so a getter-only {@code Set} works and Hibernate keeps tracking the collection it handed out.
 */
public final class PropertyValues {

    private PropertyValues() {
    }

    public static Object read(Object entity, String path) {
        Object current = entity;
        for (String segment : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            current = readOne(Hibernate.unproxy(current), segment);
        }
        return current;
    }

    /**
     * Writes a value at a dotted path, creating a missing embedded value on the way. A collection attribute that
     * already holds a collection is cleared and refilled rather than replaced.
     */
    public static void write(Object entity, String path, Object value) {
        String[] segments = path.split("\\.");
        Object owner = Hibernate.unproxy(entity);
        for (int i = 0; i < segments.length - 1; i++) {
            Object next = readOne(owner, segments[i]);
            if (next == null) {
                next = BeanUtils.instantiateClass(fieldType(owner.getClass(), segments[i]));
                writeOne(owner, segments[i], next);
            }
            owner = Hibernate.unproxy(next);
        }
        String leaf = segments[segments.length - 1];
        if (value instanceof Collection<?> values
                && fieldValue(owner, leaf) instanceof Collection<?> present && present != values) {
            @SuppressWarnings("unchecked")
            Collection<Object> target = (Collection<Object>) present;
            var copy = java.util.List.copyOf(values);
            target.clear();
            target.addAll(copy);
            return;
        }
        writeOne(owner, leaf, value);
    }

    /** The id of an entity, read through its id attribute. */
    public static Object id(AdminModel<?> model, Object entity) {
        return read(entity, model.idAttribute());
    }

    private static Object readOne(Object bean, String name) {
        PropertyDescriptor property = BeanUtils.getPropertyDescriptor(bean.getClass(), name);
        Field field = ReflectionUtils.findField(bean.getClass(), name);
        boolean getterFits = property != null && property.getReadMethod() != null
                && (field == null || property.getPropertyType() == field.getType());
        if (getterFits) {
            return ReflectionUtils.invokeMethod(property.getReadMethod(), bean);
        }
        return new DirectFieldAccessor(bean).getPropertyValue(name);
    }

    private static void writeOne(Object bean, String name, Object value) {
        PropertyDescriptor property = BeanUtils.getPropertyDescriptor(bean.getClass(), name);
        Field field = ReflectionUtils.findField(bean.getClass(), name);
        boolean setterFits = property != null && property.getWriteMethod() != null
                && (field == null || property.getPropertyType() == field.getType());
        if (setterFits) {
            ReflectionUtils.invokeMethod(property.getWriteMethod(), bean, value);
        } else {
            new DirectFieldAccessor(bean).setPropertyValue(name, value);
        }
    }

    private static Object fieldValue(Object bean, String name) {
        Field field = ReflectionUtils.findField(bean.getClass(), name);
        return field == null ? readOne(bean, name) : new DirectFieldAccessor(bean).getPropertyValue(name);
    }

    private static Class<?> fieldType(Class<?> type, String name) {
        Field field = ReflectionUtils.findField(type, name);
        if (field == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no attribute '" + name + "'");
        }
        return field.getType();
    }
}
