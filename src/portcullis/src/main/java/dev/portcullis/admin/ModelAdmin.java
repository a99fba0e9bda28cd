package dev.portcullis.admin;

import java.util.List;

import org.springframework.security.core.Authentication;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * The typed, full way to expose an entity: declare a Spring bean extending this class and override what you need.
 * Options mirror {@link AdminEntity}; each returns its default unless overridden, and each is checked at start-up.
 *
 * <pre>
 * &#64;Component
 * class OrderAdmin extends ModelAdmin&lt;CustomerOrder&gt; {
 *     OrderAdmin() { super(CustomerOrder.class); }
 *     &#64;Override public List&lt;String&gt; listDisplay() { return List.of("id", "customer", "status", "total"); }
 *     &#64;Override public List&lt;ComputedColumn&lt;CustomerOrder&gt;&gt; computedColumns() {
 *         return List.of(new ComputedColumn&lt;&gt;("total", "Total", CustomerOrder::total));
 *     }
 * }
 * </pre>
 *
 * @param <T> the entity type
 */
public abstract class ModelAdmin<T> {

    private final Class<T> entityClass;

    protected ModelAdmin(Class<T> entityClass) {
        this.entityClass = entityClass;
    }

    public final Class<T> entityClass() {
        return entityClass;
    }

    /** Singular name; null for the default derived from the class name. */
    public String label() {
        return null;
    }

    /** Plural name; null for the default. */
    public String pluralLabel() {
        return null;
    }

    /**
     * How one row reads everywhere in the admin (Django's {@code __str__}): list cells, choices, inline rows, delete
     * previews, the history, the dashboard and the CSV. Null (the default) to use {@link #labelAttribute()}, else the
     * entity's own {@code toString()}, else a name-like attribute (name, title, ...), else "Order line #17".
     */
    public String toLabel(T entity) {
        return null;
    }

    /** The attribute whose value names a row ("isbn"); null to let {@link #toLabel} or the defaults decide. */
    public String labelAttribute() {
        return null;
    }

    /** URL segment; null for the class name in kebab case. */
    public String slug() {
        return null;
    }

    public List<String> listDisplay() {
        return List.of();
    }

    /** Columns computed in Java; refer to them by name in {@link #listDisplay()}. */
    public List<ComputedColumn<T>> computedColumns() {
        return List.of();
    }

    /**
     * Columns of {@link #listDisplay()} edited in place in the list (Django's {@code list_editable}): text, numbers,
     * yes/no, choices (enums) and dates. One "Save changes" saves the page's edited rows together, each through the
     * same permission checks (change), validation and history as the form. The first column links to the row and
     * cannot be editable; every name is checked at start-up.
     */
    public List<String> listEditable() {
        return List.of();
    }

    public List<String> searchFields() {
        return List.of();
    }

    public List<String> listFilter() {
        return List.of();
    }

    public List<String> ordering() {
        return List.of();
    }

    public int listPerPage() {
        return 50;
    }

    public List<String> readonlyFields() {
        return List.of();
    }

    public List<String> fields() {
        return List.of();
    }

    public List<String> exclude() {
        return List.of();
    }

    public List<String> autocompleteFields() {
        return List.of();
    }

    public List<String> inlines() {
        return List.of();
    }

    public String icon() {
        return "vaadin:table";
    }

    public int menuOrder() {
        return 100;
    }

    /**
     * The navigation section the entity is listed under, such as "Shop"; null (the default) for the application's
     * own section. Portcullis's own entities are grouped under "Users and security" and "Honeypot".
     */
    public String menuSection() {
        return null;
    }

    /**
     * The values a collection of strings (an {@code @ElementCollection Set<String>}) may hold, offered as choices
     * in the form; empty to let users type any value.
     */
    public List<String> choices(String attribute) {
        return List.of();
    }

    /**
     * Links shown on an existing row's form, for work the generic form cannot do (e.g. "Set password"): label to
     * route path relative to the admin root. Each target view checks its own permissions.
     */
    public java.util.Map<String, String> objectLinks(T entity) {
        return java.util.Map.of();
    }

    /**
     * A view of its own for adding rows, relative to the admin root, when the generic form cannot add them (e.g.
     * users, who need a password); null for the generic form. The list's Add button leads there for users who
     * hold the add permission.
     */
    public String addPath() {
        return null;
    }

    /**
     * Attributes whose values the history log never records, only that they changed. Attributes named like a
     * password, secret, token, key, salt or recovery code, and those annotated {@link AdminSecret}, are secret
     * already.
     */
    public List<String> secretFields() {
        return List.of();
    }

    /**
     * Whether an existing row's form offers "Save as new" (Django's {@code save_as}); off by default. The copy is
     * an add, so it needs the add permission, checked on the server.
     */
    public boolean saveAs() {
        return false;
    }

    /**
     * A date or date-time attribute the list drills into by year, month and day (Django's {@code date_hierarchy});
     * null for none.
     */
    public String dateHierarchy() {
        return null;
    }

    /** Custom actions on selected rows. */
    public List<AdminAction<T>> actions() {
        return List.of();
    }

    /**
     * Narrows every query of this entity for the given user (row-level scoping), or returns null for no
     * restriction. Applied to lists, counts, lookups by id, saves and deletes alike.
     */
    public Predicate scope(Root<T> root, CriteriaBuilder cb, Authentication user) {
        return null;
    }

    /**
     * Marks an entity whose rows grant rights (users, roles, a host's memberships): what each row grants and to whom.
     * With it, saves through the admin never grant more than the editor holds, never raise the editor's own rights,
     * and never change a row granting rights the editor lacks; see {@link GrantedRights}. Null (the default) for
     * entities that grant no rights.
     */
    public GrantedRights<T> rights() {
        return null;
    }

    /**
     * Permission hooks. The default grants an action to superusers and to holders of the authority
     * {@code <slug>:<action>} (view, add, change, delete); override to add conditions. Every data access through
     * the admin checks these on the server.
     */
    public boolean hasPermission(AdminOperation operation, Authentication user, AdminPermissions defaults) {
        return defaults.has(user, operation);
    }
}
