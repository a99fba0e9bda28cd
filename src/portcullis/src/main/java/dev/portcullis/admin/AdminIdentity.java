package dev.portcullis.admin;

/**
 * What the admin shell shows of the signed-in user. Implemented by the principal of the sign-in feature.
 */
public interface AdminIdentity {

    /** Full name if known, otherwise the username. */
    String getDisplayName();
}
