package dev.portcullis.admin.model.internal;

import java.util.Arrays;
import java.util.List;

import dev.portcullis.admin.AdminEntity;
import dev.portcullis.admin.ModelAdmin;

/** The {@link ModelAdmin} an {@link AdminEntity} annotation stands for. */
public final class AnnotatedModelAdmin<T> extends ModelAdmin<T> {

    private final AdminEntity options;

    public AnnotatedModelAdmin(Class<T> entityClass, AdminEntity options) {
        super(entityClass);
        this.options = options;
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }

    @Override
    public String label() {
        return orNull(options.label());
    }

    @Override
    public String pluralLabel() {
        return orNull(options.pluralLabel());
    }

    @Override
    public String labelAttribute() {
        return orNull(options.labelAttribute());
    }

    @Override
    public String slug() {
        return orNull(options.slug());
    }

    @Override
    public List<String> listDisplay() {
        return Arrays.asList(options.listDisplay());
    }

    @Override
    public List<String> listEditable() {
        return Arrays.asList(options.listEditable());
    }

    @Override
    public List<String> searchFields() {
        return Arrays.asList(options.searchFields());
    }

    @Override
    public List<String> listFilter() {
        return Arrays.asList(options.listFilter());
    }

    @Override
    public List<String> ordering() {
        return Arrays.asList(options.ordering());
    }

    @Override
    public int listPerPage() {
        return options.listPerPage();
    }

    @Override
    public List<String> readonlyFields() {
        return Arrays.asList(options.readonlyFields());
    }

    @Override
    public List<String> fields() {
        return Arrays.asList(options.fields());
    }

    @Override
    public List<String> exclude() {
        return Arrays.asList(options.exclude());
    }

    @Override
    public List<String> autocompleteFields() {
        return Arrays.asList(options.autocompleteFields());
    }

    @Override
    public List<String> inlines() {
        return Arrays.asList(options.inlines());
    }

    @Override
    public String icon() {
        return options.icon();
    }

    @Override
    public int menuOrder() {
        return options.menuOrder();
    }

    @Override
    public boolean saveAs() {
        return options.saveAs();
    }

    @Override
    public String dateHierarchy() {
        return orNull(options.dateHierarchy());
    }
}
