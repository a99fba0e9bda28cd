package dev.portcullis.admin.ui.internal;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import dev.portcullis.admin.data.DeletionPreview;
import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.i18n.Messages;

/**
 * The one question asked before any delete, of one row or many: what else goes with it, what blocks it, where you
 * are ("... in PRODUCTION?"), and in a protected environment the environment's name typed out for large deletes.
 * The lists are the deletion plan's: every row, link and value the database will lose, by label and counted.
 */
public final class DeleteConfirmation {

    private DeleteConfirmation() {
    }

    /**
     * Opens the dialog.
     *
     * @param subject what is deleted, e.g. "book 'Dune'" or "3 books"
     * @param plural whether the subject is several rows ("them") or one ("it")
     * @param rows rows deleted before cascades are counted
     * @param notes paragraphs shown first
     * @param confirmId id of the Delete button
     * @param delete what Delete does
     */
    public static ConfirmDialog open(String subject, boolean plural, long rows, DeletionPreview preview,
            EnvironmentInfo environment, List<Component> notes, String confirmId, Runnable delete) {
        ConfirmDialog dialog = new ConfirmDialog();
        // In a protected environment the question says where you are: "Delete book 'X' in PRODUCTION?"
        dialog.setHeader(environment.protectedEnvironment()
                ? Messages.get("admin.delete.question-in", subject, environment.name())
                : Messages.get("admin.delete.question", subject));
        Div text = new Div();
        notes.forEach(text::add);
        if (preview.blocked()) {
            // Why not, in words: what the user may not delete along with it, then what still refers to it.
            preview.refusals().forEach(reason -> text.add(new Paragraph(reason)));
            if (!preview.blockers().isEmpty()) {
                text.add(new Paragraph(plural ? Messages.get("admin.delete.blocked-many")
                        : Messages.get("admin.delete.blocked-one")), list(preview.blockers()));
            }
            dialog.setConfirmText(Messages.get("common.close"));
        } else {
            text.add(new Paragraph(preview.cascades().isEmpty() ? Messages.get("admin.delete.nothing-else")
                    : plural ? Messages.get("admin.delete.cascades-many") : Messages.get("admin.delete.cascades-one")));
            if (!preview.cascades().isEmpty()) {
                text.add(list(preview.cascades()));
            }
            if (!preview.unlinked().isEmpty()) {
                text.add(new Paragraph(plural ? Messages.get("admin.delete.unlinked-many")
                        : Messages.get("admin.delete.unlinked-one")),
                        list(preview.unlinked()));
            }
            // Cancel, not Delete, has the focus: Enter or a stray key press must not delete.
            Button cancel = new Button(Messages.get("common.cancel"), click -> dialog.close());
            cancel.setId("cancel-delete");
            cancel.setAutofocus(true);
            dialog.setCancelable(true);
            dialog.setCancelButton(cancel);
            long total = rows + preview.cascadedCount();
            Button confirm = new Button(Messages.get("common.delete"), click -> {
                dialog.close();
                delete.run();
            });
            confirm.setId(confirmId);
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            if (environment.protectedEnvironment() && total > environment.typedConfirmationAbove()) {
                // Large deletes in a protected environment need the environment's name typed out.
                TextField typed = new TextField(Messages.get("admin.delete.type-to-confirm", environment.name(),
                        String.valueOf(total)));
                typed.setId("typed-confirmation");
                typed.setValueChangeMode(ValueChangeMode.EAGER);
                confirm.setEnabled(false);
                typed.addValueChangeListener(change -> confirm.setEnabled(environment.name().equals(change.getValue())));
                text.add(typed);
            }
            dialog.setConfirmButton(confirm);
        }
        dialog.setText(text);
        dialog.open();
        return dialog;
    }

    /** "3 order lines: Order line #1, Order line #2, …" per group. */
    static UnorderedList list(List<DeletionPreview.Group> groups) {
        UnorderedList list = new UnorderedList();
        for (DeletionPreview.Group group : groups) {
            String examples = group.examples().isEmpty() ? "" : ": " + String.join(", ", group.examples())
                    + (group.count() > group.examples().size() ? ", …" : "");
            list.add(new ListItem(group.phrase() + examples));
        }
        return list;
    }
}
