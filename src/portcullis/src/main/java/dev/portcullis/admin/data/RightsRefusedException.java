package dev.portcullis.admin.data;

/**
 * A save refused because it would grant rights beyond the editor's own, raise the editor's own rights, or change a
 * row granting rights the editor lacks (see {@link dev.portcullis.admin.GrantedRights}). Nothing was saved; the
 * refusal itself is recorded in the history.
 */
public class RightsRefusedException extends SaveRejectedException {

    public RightsRefusedException(String message) {
        super(message, false, null);
    }
}
