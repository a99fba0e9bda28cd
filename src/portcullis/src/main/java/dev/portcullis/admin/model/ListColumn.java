package dev.portcullis.admin.model;

import java.util.function.Function;

/**
 * A column of a list: an attribute (sortable when the database can sort it) or a computed value.
 *
 * @param key the name used in {@code listDisplay} and in the URL's sort parameter
 * @param label header text
 * @param field the attribute, or null for a computed column
 * @param computed the computation, or null for an attribute
 */
public record ListColumn<T>(String key, String label, AdminField field, Function<T, ?> computed) {

    /** The header in the reader's language: an attribute's label is read when asked, a computed column's as given. */
    @Override
    public String label() {
        return field != null ? field.label() : label;
    }

    public boolean sortable() {
        return field != null && field.kind().isSortable();
    }
}
