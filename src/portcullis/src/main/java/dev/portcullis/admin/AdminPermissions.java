package dev.portcullis.admin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The default permission rule for one entity: superusers may do everything; other staff need the authority
 * {@code <slug>:<operation>}, e.g. {@code book:change}. Change and delete imply view.
 */
public final class AdminPermissions {

    public static final String SUPERUSER = "ROLE_SUPERUSER";
    public static final String STAFF = "ROLE_STAFF";

    private final String slug;

    public AdminPermissions(String slug) {
        this.slug = slug;
    }

    /** The authority for an operation on this entity, e.g. {@code book:view}. */
    public String authority(AdminOperation operation) {
        return slug + ":" + operation.authorityName();
    }

    public boolean has(Authentication user, AdminOperation operation) {
        if (user == null || !user.isAuthenticated() || !holds(user, STAFF)) {
            return false;
        }
        if (holds(user, SUPERUSER) || holds(user, authority(operation))) {
            return true;
        }
        return operation == AdminOperation.VIEW
                && (holds(user, authority(AdminOperation.CHANGE)) || holds(user, authority(AdminOperation.DELETE)));
    }

    /**
     * Whether a user holds an authority. Entity permissions such as {@code book:view} follow the same rule as
     * {@link #has}: superusers hold them all, and change or delete imply view. Other authorities must be held as
     * they are.
     */
    public static boolean grants(Authentication user, String authority) {
        if (user == null) {
            return false;
        }
        int colon = authority.lastIndexOf(':');
        if (colon > 0) {
            try {
                AdminOperation operation = AdminOperation.valueOf(
                        authority.substring(colon + 1).toUpperCase(java.util.Locale.ROOT));
                return new AdminPermissions(authority.substring(0, colon)).has(user, operation);
            } catch (IllegalArgumentException notAnOperation) {
                // a plain authority that happens to contain ':'
            }
        }
        return holds(user, authority) || holds(user, SUPERUSER);
    }

    private static boolean holds(Authentication user, String authority) {
        for (GrantedAuthority granted : user.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
