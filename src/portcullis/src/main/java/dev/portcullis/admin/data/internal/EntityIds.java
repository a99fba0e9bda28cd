package dev.portcullis.admin.data.internal;

import java.util.UUID;

import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;

/** Ids in and out of text: a URL's id to the entity's id type, and the id attribute and value of any entity. */
public final class EntityIds {

    private final EntityManager em;
    private final AdminRegistry registry;

    public EntityIds(EntityManager em, AdminRegistry registry) {
        this.em = em;
        this.registry = registry;
    }

    /** The model's id from its text form in a URL; null when it does not parse. */
    public Object parseId(AdminModel<?> model, String text) {
        Class<?> type = model.idType();
        try {
            if (type == Long.class || type == long.class) {
                return Long.valueOf(text);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(text);
            }
            if (type == UUID.class) {
                return UUID.fromString(text);
            }
            return text;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** A related entity's id from its text form; null when it does not parse. */
    public Object parseRelatedId(Class<?> target, String text) {
        var model = registry.byClass(target);
        if (model.isPresent()) {
            return parseId(model.get(), text);
        }
        EntityType<?> entity = em.getMetamodel().entity(target);
        Class<?> type = entity.getIdType().getJavaType();
        try {
            return type == Long.class ? Long.valueOf(text) : type == Integer.class ? Integer.valueOf(text)
                    : type == UUID.class ? UUID.fromString(text) : text;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The id of any entity instance, or null when it is new. */
    public Object idOf(Object entity) {
        return em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
    }

    /** The name of an entity's single id attribute. */
    String idName(Class<?> type) {
        EntityType<?> entity = em.getMetamodel().entity(type);
        return entity.getId(entity.getIdType().getJavaType()).getName();
    }
}
