package dev.portcullis.admin.data;

import java.util.List;

/**
 * What deleting a row would do: the related rows deleted with it, and the related rows that block it.
 *
 * @param cascades rows removed along with it, grouped by kind
 * @param blockers rows that refer to it and would stop the delete
 */
public record DeletionPreview(List<Group> cascades, List<Group> blockers) {

    /** Related rows of one kind: e.g. "Order lines" ("Order line" for one), 3, and the first few as text. */
    public record Group(String label, String singularLabel, long count, List<String> examples) {

        /** "1 order line", "3 order lines". */
        public String phrase() {
            return count + " " + (count == 1 ? singularLabel : label).toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean blocked() {
        return !blockers.isEmpty();
    }
}
