package dev.portcullis.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a JPA entity in the admin: the zero-code form of {@link ModelAdmin}. Every name given here is checked
 * at start-up; a wrong one stops the application with an {@code admin.E…} message naming the entity, the option,
 * the bad value and the fix.
 *
 * <pre>
 * &#64;Entity
 * &#64;AdminEntity(listDisplay = {"title", "author", "genre", "publishedOn"}, searchFields = {"title", "author.name"},
 *              listFilter = {"genre", "inStock", "publishedOn"}, ordering = "-publishedOn")
 * public class Book { ... }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AdminEntity {

    /** Singular name shown to users; default derived from the class name ("CustomerOrder" → "Customer order"). */
    String label() default "";

    /** Plural name; default: the label plus "s". */
    String pluralLabel() default "";

    /**
     * The attribute whose value names a row in lists, choices, delete previews, the history and the CSV ("isbn");
     * default: the entity's own {@code toString()}, else a name-like attribute, else "Order line #17".
     */
    String labelAttribute() default "";

    /** URL segment under the admin path; default the class name in kebab case ("customer-order"). */
    String slug() default "";

    /** Columns of the list: attributes, paths across to-one relations ("author.name"). Default: the first few. */
    String[] listDisplay() default {};

    /**
     * Columns of {@link #listDisplay()} edited in place in the list (Django's {@code list_editable}): text, numbers,
     * yes/no, enums and dates; not the first column, which links to the row. Saved with one "Save changes", each row
     * through the form's permission checks, validation and history.
     */
    String[] listEditable() default {};

    /** String attributes the search box looks in, also across to-one relations ("author.name"). */
    String[] searchFields() default {};

    /** Attributes to filter by: boolean, enum, date/time (as a range) and to-one relations. */
    String[] listFilter() default {};

    /** Default order, "-" for descending: {"-publishedOn", "title"}. Default: newest id first. */
    String[] ordering() default {};

    /** Rows per page of the list. */
    int listPerPage() default 50;

    /** Attributes shown but not editable in the form. */
    String[] readonlyFields() default {};

    /** Attributes in the form, in order; default all except id, version and {@link #exclude()}. */
    String[] fields() default {};

    /** Attributes never shown in the form. */
    String[] exclude() default {};

    /** To-one and to-many relations edited with a searching combo box instead of loading every choice. */
    String[] autocompleteFields() default {};

    /** One-to-many relations shown as a list of children inside the parent's form. */
    String[] inlines() default {};

    /** Icon in the navigation, a Vaadin icon name such as "vaadin:book". */
    String icon() default "vaadin:table";

    /** Position in the navigation; lower first. */
    int menuOrder() default 100;

    /**
     * Offers "Save as new" on an existing row's form (Django's {@code save_as}): the form's values are saved as a
     * new row and the original stays as it was. Needs the add permission, checked on the server.
     */
    boolean saveAs() default false;

    /**
     * A date or date-time attribute to drill into the list by year, then month, then day (Django's
     * {@code date_hierarchy}); empty for none.
     */
    String dateHierarchy() default "";
}
