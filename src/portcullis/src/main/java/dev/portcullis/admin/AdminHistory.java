package dev.portcullis.admin;

import org.springframework.security.core.Authentication;

/**
 * Where the admin reports every add, change, delete, action and export it performs. The data layer calls it inside
 * the same transaction as the work itself, so a change is saved together with its record or not at all. The history
 * feature ({@code dev.portcullis.audit}) implements it; without an implementation nothing is recorded.
 */
public interface AdminHistory {

    /**
     * Records one change made by a user. Throwing rolls the change back.
     *
     * @param user who did it (the signed-in user)
     * @param change what they did
     */
    void record(Authentication user, AdminChange change);
}
