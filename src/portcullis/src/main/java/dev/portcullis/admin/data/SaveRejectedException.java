package dev.portcullis.admin.data;

import java.util.Map;

/**
 * A save or delete that was refused (a stale version, a unique value taken, a row still referenced, a constraint
 * that failed), with a message written for the person at the screen. Their input stays where it was.
 */
public class SaveRejectedException extends RuntimeException {

    private final boolean staleVersion;
    private final transient Map<String, String> fieldProblems;

    public SaveRejectedException(String message, boolean staleVersion, Throwable cause) {
        this(message, staleVersion, Map.of(), cause);
    }

    /**
     * @param fieldProblems messages for single attributes, by attribute path ("address.city"), shown at the field
     */
    public SaveRejectedException(String message, boolean staleVersion, Map<String, String> fieldProblems,
            Throwable cause) {
        super(message, cause);
        this.staleVersion = staleVersion;
        this.fieldProblems = Map.copyOf(fieldProblems);
    }

    /** True when someone else saved the same row first. */
    public boolean isStaleVersion() {
        return staleVersion;
    }

    /** Messages for single attributes, by path; empty when the problem concerns the row as a whole. */
    public Map<String, String> fieldProblems() {
        return fieldProblems;
    }
}
