package dev.portcullis.admin;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A custom action on selected rows of a list, for {@link ModelAdmin#actions()}. It runs only for users holding
 * its permission, checked on the server each time it runs.
 *
 * @param name stable identifier, e.g. "mark-in-stock"
 * @param label button text
 * @param permission authority needed, e.g. "book:change"
 * @param handler does the work on the selected rows (inside a transaction) and returns a message for the user
 */
public record AdminAction<T>(String name, String label, String permission, Function<List<T>, String> handler) {

    public AdminAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(handler, "handler");
    }
}
