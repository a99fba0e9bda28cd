package dev.portcullis.admin.model;

import org.hibernate.Hibernate;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.beans.PropertyAccessorFactory;

/** Reads attribute values along dotted paths, through getters where they exist and fields otherwise. */
public final class PropertyValues {

    private PropertyValues() {
    }

    public static Object read(Object entity, String path) {
        Object current = entity;
        for (String segment : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            current = Hibernate.unproxy(current);
            BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(current);
            current = bean.isReadableProperty(segment)
                    ? bean.getPropertyValue(segment)
                    : new DirectFieldAccessor(current).getPropertyValue(segment);
        }
        return current;
    }

    /** The id of an entity, read through its id attribute. */
    public static Object id(AdminModel<?> model, Object entity) {
        return read(entity, model.idAttribute());
    }
}
