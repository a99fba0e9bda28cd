package dev.portcullis.audit.internal;

import java.time.Instant;
import java.util.List;

import dev.portcullis.admin.AdminChange;
import dev.portcullis.admin.AdminChange.FieldChange;

/**
 * One entry of the history log as stored: its place in the chain, when, who, what, and the chain hashes.
 *
 * @param id position in the chain, 1 for the first entry
 */
public record HistoryEntry(long id, Instant occurredAt, String username, AdminChange.Kind action, String entity,
        String objectId, String objectLabel, String detail, List<FieldChange> changes, String changesJson,
        String previousHash, String hash) {

    /** "Changed", "Added", ... for people. */
    String verb() {
        return switch (action) {
            case ADD -> "Added";
            case CHANGE -> "Changed";
            case DELETE -> "Deleted";
            case ACTION -> "Ran an action on";
            case EXPORT -> "Exported";
        };
    }

    /** "title: 'Old' → 'New'; password: changed (hidden)" */
    String describeChanges() {
        return String.join("; ", changes.stream().map(change -> change.masked()
                ? change.field() + ": changed (secret, not recorded)"
                : change.field() + ": " + quote(change.oldValue()) + " → " + quote(change.newValue())).toList());
    }

    private static String quote(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }
}
