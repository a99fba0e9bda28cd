package dev.portcullis.admin;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A custom action on selected rows of a list, for {@link ModelAdmin#actions()}. It runs only for users holding
 * its permission, checked on the server each time it runs. An action changes data unless it says otherwise, so by
 * default it asks first, naming how many rows it will touch and the first few by label; call
 * {@link #withoutConfirmation()} for one that only reads (an export, a report).
 *
 * @param name stable identifier, e.g. "mark-in-stock"
 * @param label button text
 * @param permission authority needed, e.g. "book:change"
 * @param handler does the work on the selected rows (inside a transaction) and returns a message for the user
 * @param confirmation whether the list asks "Run 'Mark as shipped' on 3 orders?" before running it
 */
public record AdminAction<T>(String name, String label, String permission, Function<List<T>, String> handler,
        boolean confirmation) {

    public AdminAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(handler, "handler");
    }

    /** An action that asks for confirmation before it runs (the safe default for anything that changes data). */
    public AdminAction(String name, String label, String permission, Function<List<T>, String> handler) {
        this(name, label, permission, handler, true);
    }

    /** The same action, run at once without asking: only for actions that change nothing. */
    public AdminAction<T> withoutConfirmation() {
        return new AdminAction<>(name, label, permission, handler, false);
    }
}
