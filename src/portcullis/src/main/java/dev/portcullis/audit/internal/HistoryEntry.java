package dev.portcullis.audit.internal;

import dev.portcullis.i18n.Messages;
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
            case ADD -> Messages.get("audit.verb.add");
            case CHANGE -> Messages.get("audit.verb.change");
            case DELETE -> Messages.get("audit.verb.delete");
            case ACTION -> Messages.get("audit.verb.action");
            case EXPORT -> Messages.get("audit.verb.export");
        };
    }

    /** The verb inside a sentence: "changed" ("admin changed book 'Dune'"). */
    String verbInSentence() {
        return switch (action) {
            case ADD -> Messages.get("audit.phrase.add");
            case CHANGE -> Messages.get("audit.phrase.change");
            case DELETE -> Messages.get("audit.phrase.delete");
            case ACTION -> Messages.get("audit.phrase.action");
            case EXPORT -> Messages.get("audit.phrase.export");
        };
    }

    /** "title: 'Old' → 'New'; passwordHash: changed (secret, not recorded)", by attribute name. */
    String describeChanges() {
        return describeChanges(java.util.function.Function.identity());
    }

    /** "Title: 'Old' → 'New'; Password: changed (secret, not recorded)", each attribute by its label. */
    String describeChanges(java.util.function.Function<String, String> label) {
        return String.join("; ", changes.stream().map(change -> change.masked()
                ? Messages.get("audit.change.secret", label.apply(change.field()))
                : Messages.get("audit.change.values", label.apply(change.field()), quote(change.oldValue()),
                        quote(change.newValue())))
                .toList());
    }

    /** An attribute's label as the entity's admin names it ("Published on", "ISBN"); humanised when it has none. */
    static String fieldLabel(java.util.Optional<? extends dev.portcullis.admin.model.AdminModel<?>> model, String path) {
        return model.flatMap(m -> m.field(path)).map(dev.portcullis.admin.model.AdminField::label)
                .orElseGet(() -> dev.portcullis.admin.model.internal.Names.humanize(path));
    }

    private static String quote(String value) {
        return value == null ? Messages.get("audit.change.none") : Messages.get("audit.quoted", value);
    }
}
