package dev.portcullis.admin.data;

import java.util.List;

/**
 * What deleting a row would do: the related rows deleted with it, and the related rows that block it.
 *
 * @param cascades rows removed along with it, grouped by kind
 * @param blockers rows that refer to it and would stop the delete
 */
public record DeletionPreview(List<Group> cascades, List<Group> blockers) {

    /** Related rows of one kind: e.g. "Order lines", 3, and the first few as text. */
    public record Group(String label, long count, List<String> examples) {
    }

    public boolean blocked() {
        return !blockers.isEmpty();
    }
}
