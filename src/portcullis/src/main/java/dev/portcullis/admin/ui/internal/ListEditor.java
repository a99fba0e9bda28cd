package dev.portcullis.admin.ui.internal;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasTheme;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.provider.DataKeyMapper;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.renderer.Rendering;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.SaveRejectedException;
import dev.portcullis.admin.data.internal.ListEdits;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.ListColumn;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.i18n.Messages;

/**
 * Django's {@code list_editable}: the list's editable columns as inputs in every row, and one "Save changes" for the
 * page. Each row has its own binder, with the form's fields, conversions and validation ({@link FieldFactory}); the
 * inputs are made once per row and kept, so what was typed stays on screen through a failed save. The save itself is
 * {@link ListEdits}: all edited rows or none, the change permission checked on the server, problems reported by row.
 */
public final class ListEditor<T> extends VerticalLayout {

    private final AdminModel<T> model;
    private final AdminEntityService service;
    private final ListEdits edits;
    private final Runnable saved;
    private final List<AdminField> fields;
    private final Map<Object, Binder<Object>> binders = new LinkedHashMap<>();
    private final Map<Object, Map<String, Component>> cells = new HashMap<>();
    private final Map<Object, T> rows = new HashMap<>();
    /** Rows whose typed values were written into them by a save that then failed: still to be saved. */
    private final Set<Object> pending = new LinkedHashSet<>();
    /** Text typed into a drawn number cell that is not a number, by (row id, path): kept and shown as typed. */
    private final Map<List<Object>, String> badInput = new HashMap<>();
    private Grid<Object> grid;

    public final Button save = new Button();
    /** What kept the last save from happening, row by row (a live region, read out by screen readers). */
    public final VerticalLayout problems = new VerticalLayout();

    /**
     * @param saved runs after a successful save (the list reads its page again)
     */
    public ListEditor(AdminModel<T> model, AdminEntityService service, ListEdits edits, Runnable saved) {
        this.model = model;
        this.service = service;
        this.edits = edits;
        this.saved = saved;
        this.fields = model.listEditable();
        addClassName("pc-list-editor");
        setPadding(false);
        setSpacing(false);
        save.setText(Messages.get("list.edit.save"));
        save.setIcon(VaadinIcon.CHECK.create());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        problems.setPadding(false);
        problems.setSpacing(false);
        problems.addClassName("pc-list-edit-problems");
        problems.getElement().setAttribute("role", "alert");
        problems.setVisible(false);
        add(save, problems);
        setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.START);
    }

    /** Whether the list edits in place for the signed-in user: editable columns and the change permission. */
    public static boolean applies(AdminModel<?> model, AdminEntityService service) {
        return model.editable() && !model.listEditable().isEmpty() && service.can(model, AdminOperation.CHANGE);
    }

    /** Whether the column is edited in place. */
    public boolean edits(ListColumn<?> column) {
        return column.field() != null && fields.contains(column.field());
    }

    /**
     * Adds the column as inputs, one per row. Text, number and yes/no inputs are drawn by the browser from a
     * template (a {@link LitRenderer}); their server-side inputs and the row's binder are only made when the row is
     * first typed into (or asked for), so a page of untouched rows costs no component per cell: the inputs of 50 rows
     * were ~620 KB of a session with the book list open (883 KB in all). Other kinds (choices, dates) are made per row, as before.
     */
    @SuppressWarnings("unchecked")
    public Grid.Column<Object> addColumn(Grid<Object> grid, ListColumn<T> column) {
        this.grid = grid;
        AdminField field = column.field();
        String path = field.path();
        Grid.Column<Object> added = drawnByBrowser(field.kind())
                ? grid.addColumn(new DrawnInput(row -> cell((T) row, path), drawn(field)))
                : grid.addComponentColumn(row -> cell((T) row, path));
        // The rows come ordered from the database; the page is not sorted again in memory.
        added.setComparator((a, b) -> 0);
        return added;
    }

    /** The kinds whose inputs the browser draws from a template (see {@link #addColumn}). */
    static boolean drawnByBrowser(FieldKind kind) {
        return switch (kind) {
            case BOOLEAN, TEXT, LONG, INTEGER, DECIMAL, DOUBLE -> true;
            default -> false;
        };
    }

    /**
     * A component column to the server (tests and {@link #cell} get the same inputs as before) that the browser
     * draws from a template: rendering is delegated to the template, components are made only when asked for.
     */
    static final class DrawnInput extends ComponentRenderer<Component, Object> {

        private final LitRenderer<Object> template;

        DrawnInput(com.vaadin.flow.function.SerializableFunction<Object, Component> input,
                LitRenderer<Object> template) {
            super(input);
            this.template = template;
        }

        @Override
        public Rendering<Object> render(Element container, DataKeyMapper<Object> keyMapper, String rendererName) {
            return template.render(container, keyMapper, rendererName);
        }

        /** What the template is given for a row under this name ("v" value, "l" label, "i" invalid, "e" message). */
        Object property(String name, Object row) {
            return template.getValueProviders().get(name).apply(row);
        }
    }

    /**
     * The template of one editable column: the value (what was typed, once typed), the cell's name for screen
     * readers, and the invalid mark with its message; a click in the input does not open the row, and a change is
     * sent to {@link #typed}.
     */
    @SuppressWarnings("unchecked")
    private LitRenderer<Object> drawn(AdminField field) {
        String path = field.path();
        // accessibleName labels the input inside the field, as setAriaLabel does for a server-side field; the
        // aria-label names the cell's element itself.
        String events = " aria-label=\"${item.l}\" .accessibleName=\"${item.l}\""
                + " @click=\"${e => e.stopPropagation()}\"";
        LitRenderer<Object> template = field.kind() == FieldKind.BOOLEAN
                ? LitRenderer.of("<vaadin-checkbox .checked=\"${item.v}\"" + events
                        + " @change=\"${e => set(e.target.checked)}\"></vaadin-checkbox>")
                : LitRenderer.of("<vaadin-text-field theme=\"small\" style=\"width: 100%\"" + (switch (field.kind()) {
                    case DECIMAL, DOUBLE -> " inputmode=\"decimal\"";
                    case INTEGER, LONG -> " inputmode=\"numeric\"";
                    default -> field.maxLength() > 0 ? " maxlength=\"" + field.maxLength() + "\"" : "";
                }) + " .value=\"${item.v}\" ?invalid=\"${item.i}\" .errorMessage=\"${item.e}\"" + events
                        + " @change=\"${e => set(e.target.value)}\"></vaadin-text-field>");
        return template.withProperty("v", row -> shown((T) row, field))
                .withProperty("l", row -> Messages.get("list.edit.cellLabel", field.label(), EntityLabels.of(row)))
                .withProperty("i", row -> invalid((T) row, path) != null)
                .withProperty("e", row -> {
                    String message = invalid((T) row, path);
                    return message == null ? "" : message;
                })
                .withFunction("set", (row, args) -> typed((T) row, field,
                        args.isEmpty() || args.get(0).isNull() ? null
                                : args.get(0).isBoolean() ? (Object) args.get(0).asBoolean() : args.get(0).asString()));
    }

    /** What a drawn cell shows: what was typed (also if it is not a number), else the input's or the row's value. */
    private Object shown(T row, AdminField field) {
        Object id = PropertyValues.id(model, row);
        String bad = badInput.get(List.of(id, field.path()));
        if (bad != null) {
            return bad;
        }
        Map<String, Component> byPath = cells.get(id);
        Object value = byPath != null && byPath.get(field.path()) instanceof HasValue<?, ?> input ? input.getValue()
                : PropertyValues.read(row, field.path());
        if (field.kind() == FieldKind.BOOLEAN) {
            return Boolean.TRUE.equals(value);
        }
        String separator = String.valueOf(decimalSeparator());
        return switch (value) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString().replace(".", separator);
            case Double number -> BigDecimal.valueOf(number).stripTrailingZeros().toPlainString().replace(".", separator);
            case Float number -> new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                    .replace(".", separator);
            default -> String.valueOf(value);
        };
    }

    /** The message of a drawn cell that is marked invalid, or null. */
    private String invalid(T row, String path) {
        Object id = PropertyValues.id(model, row);
        if (badInput.containsKey(List.of(id, path))) {
            return badInputMessage(path);
        }
        Map<String, Component> byPath = cells.get(id);
        if (byPath != null && byPath.get(path) instanceof HasValidation input && input.isInvalid()) {
            return input.getErrorMessage() == null ? "" : input.getErrorMessage();
        }
        return null;
    }

    private String badInputMessage(String path) {
        return model.field(path).map(AdminField::kind).orElse(FieldKind.DECIMAL) == FieldKind.INTEGER
                ? Messages.get("admin.value.whole-number") : Messages.get("admin.value.number");
    }

    /**
     * A value typed into a drawn cell: the row's inputs and binder are made now (first change of the row) and the
     * input set as if typed into it; a number that does not read as one is kept as typed and marked, as the
     * browser's number input would. The row is drawn again when its mark changes.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void typed(T row, AdminField field, Object value) {
        Object id = PropertyValues.id(model, row);
        String path = field.path();
        boolean wasMarked = invalid(row, path) != null;
        Component input = cell(row, path);
        List<Object> key = List.of(id, path);
        badInput.remove(key);
        String text = value == null ? "" : String.valueOf(value).strip();
        try {
            Object parsed = switch (input) {
                case Checkbox box -> Boolean.TRUE.equals(value);
                case BigDecimalField decimal -> text.isEmpty() ? null : new BigDecimal(normalized(text));
                case NumberField number -> text.isEmpty() ? null : new BigDecimal(normalized(text)).doubleValue();
                case IntegerField number -> text.isEmpty() ? null : Integer.valueOf(text);
                default -> value == null ? "" : String.valueOf(value);
            };
            ((HasValue) input).setValue(parsed);
        } catch (NumberFormatException notANumber) {
            badInput.put(key, String.valueOf(value));
        }
        if (badInput.containsKey(key) || wasMarked != (invalid(row, path) != null)) {
            grid.getDataProvider().refreshItem(row);
        }
    }

    /** The user's decimal separator: what a drawn number shows and what a typed one is read with. */
    private static char decimalSeparator() {
        return DecimalFormatSymbols.getInstance(CellFormat.locale()).getDecimalSeparator();
    }

    /** "12,50" in German reads as 12.50; spaces (grouping) are dropped. */
    private static String normalized(String text) {
        char separator = decimalSeparator();
        String plain = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        return separator == ',' ? plain.replace(',', '.') : plain;
    }

    /** Forgets the rows and what was typed (a new page, search or filter was read). */
    public void reset() {
        binders.clear();
        cells.clear();
        rows.clear();
        pending.clear();
        badInput.clear();
        problems.removeAll();
        problems.setVisible(false);
    }

    /** The input of one cell: made with the rest of its row on first need, then kept. */
    Component cell(T row, String path) {
        Object id = PropertyValues.id(model, row);
        Map<String, Component> byPath = cells.get(id);
        if (byPath == null) {
            byPath = makeRow(id, row);
        }
        return byPath.get(path);
    }

    private Map<String, Component> makeRow(Object id, T row) {
        Binder<Object> binder = new Binder<>();
        FieldFactory factory = new FieldFactory(binder, service, model.admin(), model.entityClass());
        Map<String, Component> byPath = new LinkedHashMap<>();
        String rowLabel = EntityLabels.of(row);
        for (AdminField field : fields) {
            Component input = factory.create(field, false);
            // In a cell: no visible label (the column header is one) but a name for screen readers, no page-wide id.
            if (input instanceof HasLabel labelled) {
                labelled.setLabel(null);
            }
            if (input instanceof HasAriaLabel named) {
                named.setAriaLabel(Messages.get("list.edit.cellLabel", field.label(), rowLabel));
            }
            input.getElement().removeAttribute("id");
            if (input instanceof HasSize sized) {
                sized.setWidthFull();
            }
            if (input instanceof HasTheme themed) {
                themed.addThemeName("small");
            }
            // A click into the input edits it; it must not open the row as a click on the row does.
            input.getElement().addEventListener("click", ignored -> {
            }).stopPropagation();
            byPath.put(field.path(), input);
        }
        binder.readBean(row);
        binders.put(id, binder);
        rows.put(id, row);
        cells.put(id, byPath);
        return byPath;
    }

    /** The rows with typed changes (or written by a failed save), in the page's order. */
    List<Object> changedIds() {
        List<Object> changed = new ArrayList<>();
        binders.forEach((id, binder) -> {
            if (binder.hasChanges() || pending.contains(id) || hasBadInput(id)) {
                changed.add(id);
            }
        });
        return changed;
    }

    /** "Save changes": validates every edited row here, then saves them all on the server or none. */
    public void save() {
        problems.removeAll();
        problems.setVisible(false);
        List<Object> changed = changedIds();
        if (changed.isEmpty()) {
            Notification.show(Messages.get("list.edit.nothing"), 4000, Notification.Position.BOTTOM_START);
            return;
        }
        List<String> invalid = new ArrayList<>();
        for (Object id : changed) {
            if (!binders.get(id).validate().isOk() | hasBadInput(id)) {
                invalid.add(EntityLabels.of(rows.get(id)));
            }
        }
        if (!invalid.isEmpty()) {
            showProblems(invalid.stream().map(row -> Messages.get("list.edit.invalidRow", row)).toList());
            return;
        }
        List<T> toSave = new ArrayList<>();
        for (Object id : changed) {
            T row = rows.get(id);
            try {
                binders.get(id).writeBean(row);
            } catch (ValidationException notValid) {
                showProblems(List.of(Messages.get("list.edit.invalidRow", EntityLabels.of(row))));
                return;
            }
            pending.add(id);
            toSave.add(row);
        }
        Map<Object, SaveRejectedException> refused;
        try {
            refused = edits.saveAll(model, toSave);
        } catch (AccessDeniedException denied) {
            showProblems(List.of(Messages.get("list.edit.denied", ListTexts.lower(model.pluralLabel()))));
            return;
        }
        if (refused.isEmpty()) {
            Notification done = Notification.show(Messages.get("list.edit.saved", toSave.size()), 5000,
                    Notification.Position.BOTTOM_START);
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            reset();
            saved.run();
            return;
        }
        List<String> lines = new ArrayList<>();
        refused.forEach((id, problem) -> {
            String rowLabel = EntityLabels.of(rows.get(id));
            Map<String, Component> byPath = cells.getOrDefault(id, Map.of());
            List<String> atFields = new ArrayList<>();
            problem.fieldProblems().forEach((path, message) -> {
                if (byPath.get(path) instanceof HasValidation input) {
                    input.setErrorMessage(message);
                    input.setInvalid(true);
                }
                String label = model.field(path).map(AdminField::label).orElse(path);
                atFields.add(label + ": " + message);
            });
            lines.add(Messages.get("list.edit.rowProblem", rowLabel,
                    atFields.isEmpty() ? problem.getMessage() : String.join("; ", atFields)));
        });
        showProblems(lines);
    }

    private boolean hasBadInput(Object id) {
        return badInput.keySet().stream().anyMatch(key -> key.getFirst().equals(id));
    }

    private void showProblems(List<String> lines) {
        // The drawn cells show their marks (validation ran on the server-side inputs).
        if (grid != null) {
            grid.getDataProvider().refreshAll();
        }
        problems.removeAll();
        problems.add(new Paragraph(Messages.get("list.edit.notSaved")));
        UnorderedList list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        problems.add(list);
        problems.setVisible(true);
        Notification failed = Notification.show(Messages.get("list.edit.notSaved"), 6000,
                Notification.Position.BOTTOM_START);
        failed.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
