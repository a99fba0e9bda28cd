package dev.portcullis.admin.data;

import java.util.List;
import java.util.Map;

/**
 * What the inline rows of a parent's form changed, per one-to-many attribute: rows edited, rows added and rows
 * removed. Saved in the parent's transaction, with one history entry.
 *
 * @param byAttribute the changes per one-to-many attribute of the parent ("pets")
 */
public record InlineEdits(Map<String, Rows> byAttribute) {

    /** No inline changes. */
    public static final InlineEdits NONE = new InlineEdits(Map.of());

    public InlineEdits {
        byAttribute = Map.copyOf(byAttribute);
    }

    /**
     * @param changed existing children whose values were edited (the objects the form loaded)
     * @param added new children, not yet saved
     * @param removed existing children to delete
     */
    public record Rows(List<Object> changed, List<Object> added, List<Object> removed) {

        public Rows {
            changed = List.copyOf(changed);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }
}
