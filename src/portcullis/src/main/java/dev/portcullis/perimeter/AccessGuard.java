package dev.portcullis.perimeter;

/**
 * A rule that keeps a client away from the admin, or from the whole site. Features contribute guards as beans (the
 * honeypot's blocklist is one); a refused client gets the same plain 404 as a path that does not exist, so nothing
 * tells it why, or that an admin is there.
 */
public interface AccessGuard {

    /** True when this client address must not reach the admin. */
    boolean refusesAdmin(String clientAddress);

    /** True when this client address must not reach anything on this site. */
    default boolean refusesSite(String clientAddress) {
        return false;
    }
}
