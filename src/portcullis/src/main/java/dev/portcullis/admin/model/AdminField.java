package dev.portcullis.admin.model;

/**
 * One resolved attribute of an administered entity.
 *
 * @param path attribute name, or a dotted path across to-one relations and embeddables ("author.name")
 * @param label human-readable name ("Published on")
 * @param kind how it is shown and edited
 * @param javaType the attribute's Java type (the element type for collections)
 * @param target the related entity class for relations, else null
 * @param required whether a value is required (Bean Validation or a non-optional mapping)
 * @param maxLength maximum text length, or 0 when unknown
 * @param readOnly shown but not editable
 * @param labelOwner the class declaring the attribute, whose {@code portcullis-labels} entry names it in the user's
 *        language; null when {@code label} is final (a path across relations, a label given by code)
 */
public record AdminField(String path, String label, FieldKind kind, Class<?> javaType, Class<?> target,
        boolean required, int maxLength, boolean readOnly, Class<?> labelOwner) {

    public AdminField(String path, String label, FieldKind kind, Class<?> javaType, Class<?> target,
            boolean required, int maxLength, boolean readOnly) {
        this(path, label, kind, javaType, target, required, maxLength, readOnly, null);
    }

    /** The label in the current user's language ("Erschienen am" for a German admin when the host says so). */
    @Override
    public String label() {
        if (labelOwner == null) {
            return label;
        }
        return dev.portcullis.admin.model.internal.ValueLabels.attribute(labelOwner,
                path.substring(path.lastIndexOf('.') + 1));
    }

    public AdminField asReadOnly() {
        return new AdminField(path, label, kind, javaType, target, required, maxLength, true, labelOwner);
    }
}
