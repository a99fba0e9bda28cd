package dev.portcullis.admin.ui.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.BeanUtils;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.InlineEdits;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.internal.Names;
import dev.portcullis.admin.model.internal.ValueLabels;
import dev.portcullis.admin.model.internal.Wording;
import dev.portcullis.i18n.Messages;

/**
 * Django's tabular inline: the children of a one-to-many relation as editable rows inside the parent's form, with
 * "Add another" and "Remove". Nothing is saved here; {@link #edits()} hands the changes to the parent's save, so
 * parent and children are validated together and saved in one transaction.
 */
public final class InlineRows extends VerticalLayout {

    /** More children than this are not edited inline (the page would grow without bound). */
    public static final int MAX_ROWS = 100;

    private final AdminField field;
    private final List<AdminField> columns;
    private final AdminEntityService service;
    private final boolean editable;
    private final VerticalLayout rowsLayout = new VerticalLayout();
    private final List<Row> rows = new ArrayList<>();
    private final List<Object> removed = new ArrayList<>();
    /** Rows written once stay "changed": a save that failed after writing them must not forget them. */
    private final java.util.Set<Object> edited = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final String childLabel;
    /** Row ids stay unique after a removal. */
    private int nextIndex;

    private record Row(Object child, Binder<Object> binder, boolean added, Component layout) {
    }

    public InlineRows(AdminField field, List<AdminField> columns, Collection<?> children, AdminEntityService service,
            boolean editable, Anchor addChildLink) {
        this.field = field;
        this.columns = columns;
        this.service = service;
        this.editable = editable;
        this.childLabel = Wording.noun(ValueLabels.entity(field.target(), Names.humanize(field.target().getSimpleName())));
        setPadding(false);
        setId("inline-" + field.path());
        addClassName("pc-inline");
        H3 heading = new H3(field.label());
        add(heading);
        rowsLayout.setPadding(false);
        rowsLayout.setSpacing(false);
        add(rowsLayout);
        children.stream().limit(MAX_ROWS).forEach(child -> addRow(child, false));
        if (children.size() > MAX_ROWS) {
            add(new Paragraph(Messages.get("admin.inline.first-rows", MAX_ROWS, children.size())));
        }
        if (children.isEmpty() && !editable) {
            add(new Paragraph(Messages.get("admin.none-yet")));
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (editable) {
            Button another = new Button(Messages.get("admin.inline.add-another", childLabel), click -> addRow(newChild(), true));
            another.setId("inline-" + field.path() + "-add");
            another.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(another);
        }
        if (addChildLink != null) {
            actions.add(addChildLink);
        }
        add(actions);
    }

    private Object newChild() {
        return BeanUtils.instantiateClass(field.target());
    }

    private void addRow(Object child, boolean added) {
        Binder<Object> binder = new Binder<>();
        FieldFactory factory = new FieldFactory(binder, service, null, field.target());
        HorizontalLayout layout = new HorizontalLayout();
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        layout.addClassName("pc-inline-row");
        int index = nextIndex++;
        for (AdminField column : columns) {
            Component component = factory.create(column, !editable);
            component.setId("inline-" + field.path() + "-" + index + "-" + column.path().replace('.', '-'));
            layout.add(component);
        }
        Row row = new Row(child, binder, added, layout);
        if (editable) {
            Button remove = new Button(Messages.get("admin.inline.remove"), click -> remove(row));
            remove.setId("inline-" + field.path() + "-" + index + "-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel(Messages.get("admin.inline.remove-this", childLabel));
            layout.add(remove);
        }
        binder.readBean(child);
        rows.add(row);
        rowsLayout.add(layout);
    }

    private void remove(Row row) {
        rows.remove(row);
        rowsLayout.remove(row.layout());
        if (!row.added()) {
            removed.add(row.child());
        }
    }

    /** Validates every row, showing messages at the fields; true when all are valid. */
    public boolean validate() {
        boolean valid = true;
        for (Row row : rows) {
            valid &= row.binder().validate().isOk();
        }
        return valid;
    }

    public boolean hasChanges() {
        return !removed.isEmpty() || rows.stream().anyMatch(r -> r.added() || r.binder().hasChanges());
    }

    /** Writes the rows into their objects and lists what changed; call after {@link #validate()}. */
    public InlineEdits.Rows edits() {
        List<Object> changed = new ArrayList<>();
        List<Object> added = new ArrayList<>();
        for (Row row : rows) {
            if (row.binder().hasChanges()) {
                edited.add(row.child());
            }
            if (row.binder().writeBeanIfValid(row.child())) {
                if (row.added()) {
                    added.add(row.child());
                } else if (edited.contains(row.child())) {
                    changed.add(row.child());
                }
            }
        }
        return new InlineEdits.Rows(changed, added, List.copyOf(removed));
    }

    public String path() {
        return field.path();
    }
}
