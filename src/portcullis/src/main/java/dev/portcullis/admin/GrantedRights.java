package dev.portcullis.admin;

import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * What the rows of a rights-holding entity grant: a user record, a role, or a host application's own membership or
 * API-key row. Returned by {@link ModelAdmin#rights()}; with it, every save through the admin follows the rule that
 * nobody grants beyond their own rights:
 * <ul>
 *   <li>only someone who holds every right a row grants may change that row at all (so nobody without the right
 *       edits a superuser);</li>
 *   <li>a save may add only rights the editor holds themselves;</li>
 *   <li>nobody adds rights to a row that applies to themselves (their own user record, a role they hold).</li>
 * </ul>
 * Superusers hold every right. A refused save changes nothing, is logged and recorded in the history, and the form
 * shows why.
 *
 * @param <T> the entity type
 */
public interface GrantedRights<T> {

    /**
     * The authorities a row grants to whoever it applies to, named as the signed-in user's authorities are:
     * {@code ROLE_SUPERUSER}, {@code ROLE_STAFF}, {@code book:change}. Called inside the save's transaction, for the
     * stored row and for the row as submitted (which may hold detached relations: look them up by id).
     */
    Set<String> of(T row);

    /** Whether the row's rights apply to this user, so that changing it would change their own rights. */
    boolean appliesTo(T row, Authentication user);
}
