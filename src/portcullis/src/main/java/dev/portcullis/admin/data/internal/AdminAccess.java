package dev.portcullis.admin.data.internal;

import java.util.Locale;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.model.AdminModel;

/** The one place the entity service asks who is signed in and whether they may do an operation. */
public final class AdminAccess {

    private AdminAccess() {
    }

    /** The signed-in user, or null. */
    public static Authentication currentUser() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    /** The signed-in user, when they may do the operation on the entity; otherwise refused. */
    static Authentication require(AdminModel<?> model, AdminOperation operation) {
        Authentication user = currentUser();
        if (!model.admin().hasPermission(operation, user, model.permissions())) {
            throw new AccessDeniedException("'" + (user == null ? "anonymous" : user.getName()) + "' may not "
                    + operation.authorityName() + " " + model.pluralLabel().toLowerCase(Locale.ROOT));
        }
        return user;
    }
}
