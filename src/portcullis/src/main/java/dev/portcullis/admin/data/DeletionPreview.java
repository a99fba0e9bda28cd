package dev.portcullis.admin.data;

import java.util.List;

/**
 * What deleting rows would do, worked out from the mapping before anything is deleted: exactly what the database
 * loses with them, what stops the delete, and what stays but loses its link.
 *
 * @param cascades what goes along with the deleted rows: rows removed by cascades or orphan removal at any depth,
 *                 join-table links and element-collection values, each kind as one group
 * @param blockers rows that refer to a doomed row without a cascade: while any exist, nothing is deleted
 * @param unlinked rows that stay but lose their reference to a deleted row
 * @param refusals why the user may not delete what the delete would take along, one sentence per administered
 *                 entity they lack the delete permission on (e.g. "You may not delete pets: 2 pets would be deleted
 *                 with it."): while any exist, nothing is deleted
 */
public record DeletionPreview(List<Group> cascades, List<Group> blockers, List<Group> unlinked,
        List<String> refusals) {

    public DeletionPreview {
        cascades = List.copyOf(cascades);
        blockers = List.copyOf(blockers);
        unlinked = List.copyOf(unlinked);
        refusals = List.copyOf(refusals);
    }

    /** A preview the user's rights do not limit. */
    public DeletionPreview(List<Group> cascades, List<Group> blockers, List<Group> unlinked) {
        this(cascades, blockers, unlinked, List.of());
    }

    /** Related rows of one kind: e.g. "Order lines" ("Order line" for one), 3, and the first few by label. */
    public record Group(String label, String singularLabel, long count, List<String> examples) {

        /** "1 order line", "3 order lines", "2 links from vets". */
        public String phrase() {
            return count + " " + dev.portcullis.admin.model.internal.Wording.noun(count == 1 ? singularLabel : label);
        }
    }

    /** Whether the delete cannot go ahead: rows still refer to it, or it would take along rows the user may not delete. */
    public boolean blocked() {
        return !blockers.isEmpty() || !refusals.isEmpty();
    }

    /** The same preview, refused for the given reasons. */
    public DeletionPreview refusing(List<String> reasons) {
        return reasons.isEmpty() ? this : new DeletionPreview(cascades, blockers, unlinked, reasons);
    }

    /** Everything that goes besides the deleted rows themselves, counted. */
    public long cascadedCount() {
        return cascades.stream().mapToLong(Group::count).sum();
    }
}
