package dev.portcullis.admin.data;

/**
 * What a custom action did: its own message for the user, and how many of the rows it was given it changed or
 * removed (from the history's before/after comparison). The list shows an action that changed nothing as a neutral
 * notice, not as a success.
 *
 * @param message the action's message
 * @param changedRows rows whose recorded values changed, or that the action removed
 */
public record ActionOutcome(String message, int changedRows) {
}
