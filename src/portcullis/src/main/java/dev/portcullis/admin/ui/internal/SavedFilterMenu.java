package dev.portcullis.admin.ui.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.portcullis.admin.data.internal.SavedFilters;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.i18n.Messages;

/**
 * The list's "Saved filters": a button opening a small dialog with the signed-in user's saved filters of this list
 * (each applied with a click, deleted with its bin) and a name field to save the current search, filters and order.
 * Who owns what is decided by {@link SavedFilters} on the server, never here.
 */
public final class SavedFilterMenu extends Button {

    private final AdminModel<?> model;
    private final SavedFilters savedFilters;
    private final Supplier<String> currentState;
    private final Consumer<String> apply;

    /** Made when the menu opens; null while it is closed. */
    public Dialog dialog;
    public TextField name;
    public Button saveCurrent;
    public VerticalLayout entries;

    /**
     * @param currentState the list's current search, filters and order as a URL query string
     * @param apply shows the list in a saved state (a URL query string)
     */
    public SavedFilterMenu(AdminModel<?> model, SavedFilters savedFilters, Supplier<String> currentState,
            Consumer<String> apply) {
        this.model = model;
        this.savedFilters = savedFilters;
        this.currentState = currentState;
        this.apply = apply;
        setText(Messages.get("list.saved.menu"));
        setIcon(VaadinIcon.BOOKMARK_O.create());
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClassName("pc-saved-filters");
        getElement().setAttribute("aria-haspopup", "dialog");
        addClickListener(click -> open());
    }

    /** Opens the dialog with the user's saved filters of this list. */
    public void open() {
        dialog = new Dialog();
        dialog.setHeaderTitle(Messages.get("list.saved.title", model.pluralLabel()));
        entries = new VerticalLayout();
        entries.setPadding(false);
        entries.setSpacing(false);
        showEntries();
        name = new TextField(Messages.get("list.saved.name"));
        name.setMaxLength(SavedFilters.MAX_NAME);
        name.setHelperText(Messages.get("list.saved.nameHelp"));
        saveCurrent = new Button(Messages.get("list.saved.save"), click -> saveCurrent());
        saveCurrent.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveCurrent.addClickShortcut(Key.ENTER).listenOn(name);
        HorizontalLayout saving = new HorizontalLayout(name, saveCurrent);
        saving.setAlignItems(FlexComponent.Alignment.BASELINE);
        dialog.add(entries, new H2(Messages.get("list.saved.saveHeading")), saving);
        Button close = new Button(Messages.get("list.saved.close"), click -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
        name.focus();
    }

    private void showEntries() {
        entries.removeAll();
        var mine = savedFilters.mine(model);
        if (mine.isEmpty()) {
            entries.add(new Paragraph(Messages.get("list.saved.none")));
            return;
        }
        for (SavedFilters.Saved saved : mine) {
            Button use = new Button(saved.name(), click -> {
                dialog.close();
                // Read again on the server: only the signed-in user's own filter is applied.
                savedFilters.find(model, saved.id()).ifPresent(found -> apply.accept(found.listState()));
            });
            use.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            use.addClassName("pc-saved-filter");
            Button delete = new Button(VaadinIcon.TRASH.create(), click -> {
                if (savedFilters.delete(model, saved.id())) {
                    Notification.show(Messages.get("list.saved.deleted", saved.name()), 4000,
                            Notification.Position.BOTTOM_START);
                }
                showEntries();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel(Messages.get("list.saved.delete", saved.name()));
            delete.setTooltipText(Messages.get("list.saved.delete", saved.name()));
            HorizontalLayout row = new HorizontalLayout(use, delete);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.setSpacing(false);
            entries.add(row);
        }
    }

    /** Saves the list's current state under the typed name (replacing the user's own filter of that name). */
    void saveCurrent() {
        String typed = name.getValue() == null ? "" : name.getValue().strip();
        if (typed.isEmpty()) {
            name.setErrorMessage(Messages.get("list.saved.nameRequired"));
            name.setInvalid(true);
            return;
        }
        name.setInvalid(false);
        savedFilters.save(model, typed, currentState.get());
        Notification.show(Messages.get("list.saved.savedAs", typed), 4000, Notification.Position.BOTTOM_START);
        name.clear();
        showEntries();
    }
}
