package dev.portcullis.admin;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * A list column computed from the row in Java, for {@link ModelAdmin#computedColumns()}. It is not sortable:
 * the database cannot order by a lambda. The database cannot search a lambda either, but a column can say how a
 * search term maps to a query ({@link #searchedBy}): an order reference "ORD-000062" is order 62.
 *
 * <pre>
 * new ComputedColumn&lt;CustomerOrder&gt;("reference", "Reference", o -&gt; "ORD-%06d".formatted(o.getId()))
 *         .searchedBy((term, root, cb) -&gt; term.matches("ord-\\d{1,18}")
 *                 ? cb.equal(root.get("id"), Long.parseLong(term.substring(4))) : null);
 * </pre>
 *
 * @param name how {@link ModelAdmin#listDisplay()} refers to it
 * @param label column header
 * @param value computes the cell from the row
 * @param search how a search term finds rows by this column, or null when the search box does not look in it
 */
public record ComputedColumn<T>(String name, String label, Function<T, ?> value, @Nullable Search<T> search) {

    public ComputedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    /** A column the search box does not look in. */
    public ComputedColumn(String name, String label, Function<T, ?> value) {
        this(name, label, value, null);
    }

    /** The same column, found by the search box through the given mapping of a term to a query. */
    public ComputedColumn<T> searchedBy(Search<T> search) {
        return new ComputedColumn<>(name, label, value, Objects.requireNonNull(search, "search"));
    }

    /**
     * How one search term (lower-cased, without spaces) finds rows by a computed column: a predicate on the listed
     * entity, or null when the term cannot match this column (then only the other searched fields are asked). A row
     * matches a term when any searched field or any searched computed column matches it.
     */
    @FunctionalInterface
    public interface Search<T> {
        @Nullable Predicate predicate(String term, Root<T> root, CriteriaBuilder cb);
    }
}
