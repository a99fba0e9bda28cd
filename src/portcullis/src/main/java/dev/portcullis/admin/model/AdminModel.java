package dev.portcullis.admin.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.portcullis.admin.AdminAction;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.ModelAdmin;

/**
 * Everything the admin knows about one exposed entity, resolved and checked at start-up. Immutable; one per
 * entity, whether it came from {@code @AdminEntity} or a {@link ModelAdmin} bean.
 */
public final class AdminModel<T> {

    private final ModelAdmin<T> admin;
    private final String slug;
    private final String label;
    private final String pluralLabel;
    private final String idAttribute;
    private final Class<?> idType;
    private final boolean editable;
    private final List<ListColumn<T>> columns;
    private final List<String> searchPaths;
    private final List<AdminField> filters;
    private final List<SortOrder> ordering;
    private final int listPerPage;
    private final List<AdminField> formFields;
    private final Set<String> autocomplete;
    private final List<AdminField> allFields;
    private final AdminPermissions permissions;
    private Map<String, List<AdminField>> inlineRows = Map.of();

    public AdminModel(ModelAdmin<T> admin, String slug, String label, String pluralLabel, String idAttribute,
            Class<?> idType, boolean editable, List<ListColumn<T>> columns, List<String> searchPaths,
            List<AdminField> filters, List<SortOrder> ordering, int listPerPage, List<AdminField> formFields,
            Set<String> autocomplete, List<AdminField> allFields) {
        this.admin = admin;
        this.slug = slug;
        this.label = label;
        this.pluralLabel = pluralLabel;
        this.idAttribute = idAttribute;
        this.idType = idType;
        this.editable = editable;
        this.columns = List.copyOf(columns);
        this.searchPaths = List.copyOf(searchPaths);
        this.filters = List.copyOf(filters);
        this.ordering = List.copyOf(ordering);
        this.listPerPage = listPerPage;
        this.formFields = List.copyOf(formFields);
        this.autocomplete = Set.copyOf(autocomplete);
        this.allFields = List.copyOf(allFields);
        this.permissions = new AdminPermissions(slug);
    }

    public ModelAdmin<T> admin() {
        return admin;
    }

    public Class<T> entityClass() {
        return admin.entityClass();
    }

    /** URL segment and permission prefix, e.g. "book". */
    public String slug() {
        return slug;
    }

    public String label() {
        return dev.portcullis.admin.model.internal.ValueLabels.entity(entityClass(), label);
    }

    public String pluralLabel() {
        return dev.portcullis.admin.model.internal.ValueLabels.entityPlural(entityClass(), pluralLabel);
    }

    public String idAttribute() {
        return idAttribute;
    }

    public Class<?> idType() {
        return idType;
    }

    /** False for shapes the admin can list but not edit yet (e.g. composite ids). */
    public boolean editable() {
        return editable;
    }

    public List<ListColumn<T>> columns() {
        return columns;
    }

    public Optional<ListColumn<T>> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public List<String> searchPaths() {
        return searchPaths;
    }

    /** The list's columns edited in place ({@code listEditable}), in the list's order; checked at start-up. */
    public List<AdminField> listEditable() {
        List<String> editable = admin.listEditable();
        return columns.stream().filter(column -> column.field() != null && editable.contains(column.key()))
                .map(ListColumn::field).toList();
    }

    /** The computed columns the search box also looks in (those that declare how a term maps to a query). */
    public List<dev.portcullis.admin.ComputedColumn<T>> searchedColumns() {
        java.util.Set<String> shown = new java.util.HashSet<>();
        columns.forEach(column -> shown.add(column.key()));
        return admin.computedColumns().stream().filter(c -> c.search() != null && shown.contains(c.name())).toList();
    }

    /** Whether the list has a search box: text attributes to search, or searchable computed columns. */
    public boolean searchable() {
        return !searchPaths.isEmpty() || !searchedColumns().isEmpty();
    }

    public List<AdminField> filters() {
        return filters;
    }

    public List<SortOrder> ordering() {
        return ordering;
    }

    public int listPerPage() {
        return listPerPage;
    }

    public List<AdminField> formFields() {
        return formFields;
    }

    public boolean autocomplete(String path) {
        return autocomplete.contains(path);
    }

    /** Every attribute of the entity, in declaration order. */
    public List<AdminField> allFields() {
        return allFields;
    }

    public Optional<AdminField> field(String path) {
        return allFields.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public List<AdminAction<T>> actions() {
        return admin.actions();
    }

    /** Set once by the resolver, before the model is published. */
    public AdminModel<T> withInlineRows(Map<String, List<AdminField>> rows) {
        this.inlineRows = Map.copyOf(rows);
        return this;
    }

    /** The child attributes edited in the inline rows of a one-to-many relation of the form (empty when none). */
    public List<AdminField> inlineRows(String path) {
        return inlineRows.getOrDefault(path, List.of());
    }

    public AdminPermissions permissions() {
        return permissions;
    }

    @Override
    public String toString() {
        return "AdminModel[" + entityClass().getName() + " at '" + slug + "']";
    }
}
