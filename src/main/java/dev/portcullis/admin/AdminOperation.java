package dev.portcullis.admin;

/** What a user wants to do with an entity; each maps to the authority {@code <slug>:<name>}. */
public enum AdminOperation {
    VIEW, ADD, CHANGE, DELETE;

    public String authorityName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
