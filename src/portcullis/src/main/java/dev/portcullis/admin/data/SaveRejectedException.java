package dev.portcullis.admin.data;

/**
 * A save or delete the database refused (a stale version, a unique value taken, a row still referenced), with a
 * message written for the person at the screen. Their input stays where it was.
 */
public class SaveRejectedException extends RuntimeException {

    private final boolean staleVersion;

    public SaveRejectedException(String message, boolean staleVersion, Throwable cause) {
        super(message, cause);
        this.staleVersion = staleVersion;
    }

    /** True when someone else saved the same row first. */
    public boolean isStaleVersion() {
        return staleVersion;
    }
}
