package dev.portcullis.admin;

/**
 * What a user wants to do with an entity; each maps to the authority {@code <slug>:<name>}. {@code EXPORT} (download
 * the list as CSV) is granted on its own: viewing rows one page at a time does not imply taking all of them away.
 */
public enum AdminOperation {
    VIEW, ADD, CHANGE, DELETE, EXPORT;

    public String authorityName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
