package dev.portcullis.admin;

import java.util.List;
import java.util.Objects;

/**
 * One thing done through the admin, as handed to {@link AdminHistory}: what kind of change, to which row, and for a
 * change the old and new value of every field that changed. Secret fields arrive already masked: their values never
 * leave the data layer.
 *
 * @param kind what was done
 * @param entity the entity's slug, e.g. "book"
 * @param objectId the row's id as text; null for work on many rows (an export, a bulk action's summary)
 * @param objectLabel how the row reads ({@code toString()}), or a description of the rows
 * @param fields field-level changes; empty when none apply
 * @param detail more about it for the reader, e.g. "Mark as shipped" or "1,234 rows"; may be null
 */
public record AdminChange(Kind kind, String entity, String objectId, String objectLabel, List<FieldChange> fields,
        String detail) {

    /** What was done. */
    public enum Kind {
        ADD, CHANGE, DELETE, ACTION, EXPORT
    }

    /**
     * One field's old and new value as text (null for no value). For a masked (secret) field both are null and only
     * the fact that it changed is kept.
     */
    public record FieldChange(String field, String oldValue, String newValue, boolean masked) {

        public FieldChange {
            Objects.requireNonNull(field, "field");
            if (masked && (oldValue != null || newValue != null)) {
                throw new IllegalArgumentException("a masked field carries no values: " + field);
            }
        }
    }

    public AdminChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entity, "entity");
        fields = List.copyOf(fields);
    }
}
