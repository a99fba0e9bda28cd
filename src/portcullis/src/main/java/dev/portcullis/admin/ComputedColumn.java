package dev.portcullis.admin;

import java.util.Objects;
import java.util.function.Function;

/**
 * A list column computed from the row in Java, for {@link ModelAdmin#computedColumns()}. It is not sortable:
 * the database cannot order by a lambda.
 *
 * @param name how {@link ModelAdmin#listDisplay()} refers to it
 * @param label column header
 * @param value computes the cell from the row
 */
public record ComputedColumn<T>(String name, String label, Function<T, ?> value) {

    public ComputedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
