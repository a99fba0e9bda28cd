package dev.portcullis.admin.data.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Stream;

import jakarta.persistence.CascadeType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.PluralAttribute;

/**
 * What one attribute's mapping means for a delete, read from its JPA (and Hibernate) annotations: whether removing
 * the owner removes the target, whether the owner's side holds the link, whether the link is a join-table row, and
 * what the database does on its own ({@code @OnDelete}).
 */
record MappedRelation(Attribute<?, ?> attribute, Attribute.PersistentAttributeType type, boolean removesTarget,
        boolean owning, boolean joinTable, boolean nullableKey, String onDelete) {

    /** The relation, or null when the attribute is not a relation or element collection. */
    static MappedRelation of(Attribute<?, ?> attribute) {
        Attribute.PersistentAttributeType type = attribute.getPersistentAttributeType();
        if (type == Attribute.PersistentAttributeType.BASIC || type == Attribute.PersistentAttributeType.EMBEDDED) {
            return null;
        }
        AnnotatedElement member = annotated(attribute.getJavaMember());
        OneToMany oneToMany = member.getAnnotation(OneToMany.class);
        ManyToMany manyToMany = member.getAnnotation(ManyToMany.class);
        OneToOne oneToOne = member.getAnnotation(OneToOne.class);
        ManyToOne manyToOne = member.getAnnotation(ManyToOne.class);
        CascadeType[] cascade = oneToMany != null ? oneToMany.cascade() : manyToMany != null ? manyToMany.cascade()
                : oneToOne != null ? oneToOne.cascade() : manyToOne != null ? manyToOne.cascade() : new CascadeType[0];
        boolean orphans = oneToMany != null && oneToMany.orphanRemoval() || oneToOne != null && oneToOne.orphanRemoval();
        // The JPA rule: with orphanRemoval, removing the owner removes its children too.
        boolean removes = orphans || Arrays.stream(cascade).anyMatch(c -> c == CascadeType.ALL || c == CascadeType.REMOVE)
                || hibernateCascadeRemoves(member);
        String mappedBy = oneToMany != null ? oneToMany.mappedBy() : manyToMany != null ? manyToMany.mappedBy()
                : oneToOne != null ? oneToOne.mappedBy() : "";
        boolean hasJoinColumn = member.isAnnotationPresent(JoinColumn.class)
                || member.isAnnotationPresent(jakarta.persistence.JoinColumns.class);
        // A one-way @OneToMany without @JoinColumn uses a join table, as does every owned @ManyToMany.
        boolean joinTable = mappedBy.isEmpty() && (manyToMany != null || member.isAnnotationPresent(JoinTable.class)
                || oneToMany != null && !hasJoinColumn);
        JoinColumn column = member.getAnnotation(JoinColumn.class);
        return new MappedRelation(attribute, type, removes, mappedBy.isEmpty(), joinTable,
                column == null || column.nullable(), onDelete(member));
    }

    boolean isElementCollection() {
        return type == Attribute.PersistentAttributeType.ELEMENT_COLLECTION;
    }

    boolean isToOne() {
        return type == Attribute.PersistentAttributeType.MANY_TO_ONE
                || type == Attribute.PersistentAttributeType.ONE_TO_ONE;
    }

    boolean isManyToMany() {
        return type == Attribute.PersistentAttributeType.MANY_TO_MANY;
    }

    boolean isOneToMany() {
        return type == Attribute.PersistentAttributeType.ONE_TO_MANY;
    }

    /** The entity class at the other end, or null for an element collection of values. */
    Class<?> target() {
        if (isElementCollection()) {
            return null;
        }
        return attribute instanceof PluralAttribute<?, ?, ?> plural ? plural.getElementType().getJavaType()
                : attribute.getJavaType();
    }

    /** Whether the target class can hold rows of this entity class (the same class or a supertype). */
    boolean pointsAt(Class<?> entity) {
        Class<?> target = target();
        return target != null && target.isAssignableFrom(entity);
    }

    /**
     * The attributes an entity type declares itself or inherits from mapped superclasses, but not those of an entity
     * supertype: the supertype's own pass sees those, and counting them again would count rows twice.
     */
    static Stream<MappedRelation> declaredBy(EntityType<?> entity) {
        return entity.getAttributes().stream().filter(a -> ownedBy(entity, a.getDeclaringType()))
                .map(MappedRelation::of).filter(java.util.Objects::nonNull);
    }

    private static boolean ownedBy(EntityType<?> entity, ManagedType<?> declaring) {
        return declaring == entity || !(declaring instanceof EntityType<?>);
    }

    /** The collection this relation holds on an owner row, for unlinking a doomed target from it. */
    Collection<?> collectionOf(Object owner) {
        Member member = attribute.getJavaMember();
        try {
            if (member instanceof Field field) {
                field.setAccessible(true);
                return (Collection<?>) field.get(owner);
            }
            Method getter = (Method) member;
            getter.setAccessible(true);
            return (Collection<?>) getter.invoke(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + attribute.getName() + " of " + owner.getClass(), e);
        }
    }

    private static AnnotatedElement annotated(Member member) {
        return member instanceof AnnotatedElement element ? element : NONE;
    }

    /** Hibernate's own {@code @Cascade}, read by name so that renamed constants in new versions do not break us. */
    private static boolean hibernateCascadeRemoves(AnnotatedElement member) {
        return annotation(member, "org.hibernate.annotations.Cascade")
                .map(a -> value(a, "value")).filter(Object[].class::isInstance).map(Object[].class::cast)
                .map(values -> Arrays.stream(values).map(String::valueOf)
                        .anyMatch(v -> v.equals("ALL") || v.equals("REMOVE") || v.equals("DELETE")))
                .orElse(false);
    }

    /** Hibernate's {@code @OnDelete(action = CASCADE | SET_NULL | ...)}: the database acts on its own. */
    private static String onDelete(AnnotatedElement member) {
        return annotation(member, "org.hibernate.annotations.OnDelete").map(a -> String.valueOf(value(a, "action")))
                .orElse("");
    }

    private static java.util.Optional<Annotation> annotation(AnnotatedElement member, String type) {
        return Arrays.stream(member.getAnnotations()).filter(a -> a.annotationType().getName().equals(type))
                .findFirst();
    }

    private static Object value(Annotation annotation, String name) {
        try {
            return annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static final AnnotatedElement NONE = new AnnotatedElement() {
        @Override
        public <A extends Annotation> A getAnnotation(Class<A> type) {
            return null;
        }

        @Override
        public Annotation[] getAnnotations() {
            return new Annotation[0];
        }

        @Override
        public Annotation[] getDeclaredAnnotations() {
            return new Annotation[0];
        }
    };
}
