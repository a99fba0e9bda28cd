package dev.portcullis.auth.internal;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.portcullis.admin.AdminAction;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.GrantedRights;
import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.admin.model.AdminRegistry;

import jakarta.persistence.EntityManager;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminRole;
import dev.portcullis.auth.AdminUser;
import dev.portcullis.i18n.Messages;

/**
 * Users and roles, managed through the generic admin like any other entity. Password hashes never appear in a
 * generic form; passwords are set only through the password flows.
 */
public final class UserAdmins {

    private UserAdmins() {
    }

    /** The signed-in user's id: from the principal, or by username for other kinds of sign-in. */
    static Long userIdOf(EntityManager em, Authentication user) {
        if (user == null) {
            return null;
        }
        if (user.getPrincipal() instanceof AdminPrincipal principal) {
            return principal.getUserId();
        }
        return em.createQuery("select u.id from AdminUser u where u.username = :name", Long.class)
                .setParameter("name", user.getName()).getResultList().stream().findFirst().orElse(null);
    }

    public static final class Users extends ModelAdmin<AdminUser> {

        private final EntityManager em;

        public Users(EntityManager em) {
            super(AdminUser.class);
            this.em = em;
        }

        /**
         * A user record grants staff, superuser and the permissions of its roles (active or not: activating a role
         * is a change like any other). Roles are read by id, as the submitted record may hold detached ones.
         */
        @Override
        public GrantedRights<AdminUser> rights() {
            return new GrantedRights<>() {
                @Override
                public Set<String> of(AdminUser user) {
                    return user.grantedRights(role -> role.getId() == null ? null : em.find(AdminRole.class, role.getId()));
                }

                @Override
                public boolean appliesTo(AdminUser user, Authentication editor) {
                    return user.getId() != null && user.getId().equals(userIdOf(em, editor));
                }
            };
        }

        @Override
        public String label() {
            return "User";
        }

        @Override
        public String slug() {
            return "user";
        }

        @Override
        public List<String> listDisplay() {
            return List.of("username", "fullName", "email", "staff", "superuser", "active", "twoFactorEnabled",
                    "lastLoginAt");
        }

        @Override
        public List<String> searchFields() {
            return List.of("username", "fullName", "email");
        }

        @Override
        public List<String> listFilter() {
            return List.of("staff", "superuser", "active", "twoFactorEnabled");
        }

        @Override
        public List<String> ordering() {
            return List.of("username");
        }

        @Override
        public List<String> fields() {
            return List.of("username", "fullName", "email", "active", "staff", "superuser", "roles", "mustChangePassword",
                    "twoFactorEnabled", "createdAt", "lastLoginAt", "passwordChangedAt");
        }

        @Override
        public List<String> readonlyFields() {
            return List.of("mustChangePassword", "twoFactorEnabled", "createdAt", "lastLoginAt", "passwordChangedAt");
        }

        @Override
        public String icon() {
            return "vaadin:user-card";
        }

        @Override
        public int menuOrder() {
            return 900;
        }

        @Override
        public java.util.Map<String, String> objectLinks(AdminUser user) {
            // The two-factor feature serves the second link; its page checks user:change again.
            return java.util.Map.of(Messages.get("auth.user.set-password"), "user-password/" + user.getId(),
                    Messages.get("auth.user.reset-two-factor"), "user-two-factor/" + user.getId());
        }

        @Override
        public String addPath() {
            return "user-password/new";
        }

        /** New users need a password, which the generic form cannot set: they are added through the password view. */
        @Override
        public boolean hasPermission(AdminOperation operation, Authentication user, AdminPermissions defaults) {
            return operation != AdminOperation.ADD && defaults.has(user, operation);
        }
    }

    /** Sign-in locks: history to read, and a lock to lift; never edited or deleted. */
    public static final class Locks extends ModelAdmin<LoginLock> {

        private final LoginThrottleService throttle;

        public Locks(LoginThrottleService throttle) {
            super(LoginLock.class);
            this.throttle = throttle;
        }

        @Override
        public String label() {
            return "Sign-in lock";
        }

        @Override
        public String slug() {
            return "login-lock";
        }

        @Override
        public List<String> listDisplay() {
            return List.of("target", "lockedAt", "lockedUntil", "failures", "unlockedAt", "unlockedBy");
        }

        @Override
        public List<String> searchFields() {
            return List.of("target");
        }

        @Override
        public List<String> listFilter() {
            return List.of("lockedAt");
        }

        @Override
        public List<String> ordering() {
            return List.of("-lockedAt");
        }

        @Override
        public String icon() {
            return "vaadin:lock";
        }

        @Override
        public int menuOrder() {
            return 920;
        }

        @Override
        public List<AdminAction<LoginLock>> actions() {
            return List.of(new AdminAction<>("lift", Messages.get("auth.lock.lift"), "login-lock:change", locks -> {
                String by = SecurityContextHolder.getContext().getAuthentication().getName();
                locks.stream().filter(lock -> lock.getUnlockedAt() == null).map(LoginLock::getTarget).distinct()
                        .forEach(target -> throttle.unlock(target, by));
                return Messages.get("auth.lock.lifted",
                        locks.stream().filter(lock -> lock.getUnlockedAt() != null).count());
            }));
        }

        /** Viewing only: the records are history, and a lock is lifted with the action, not edited. */
        @Override
        public boolean hasPermission(AdminOperation operation, Authentication user, AdminPermissions defaults) {
            return operation == AdminOperation.VIEW && defaults.has(user, operation);
        }
    }

    /**
     * Signed-in sessions. Every staff user sees and ends their own; superusers and holders of
     * {@code session:change} see and end anyone's.
     */
    public static final class Sessions extends ModelAdmin<AdminSession> {

        private final SessionTracker sessions;

        public Sessions(SessionTracker sessions) {
            super(AdminSession.class);
            this.sessions = sessions;
        }

        @Override
        public String label() {
            return "Session";
        }

        @Override
        public String slug() {
            return "session";
        }

        @Override
        public List<String> listDisplay() {
            return List.of("username", "current", "startedAt", "lastSeenAt", "clientAddress", "browser", "endedAt",
                    "why", "endedBy");
        }

        /**
         * "This session" beside the row of the session the list is viewed in, and why a session ended, both in the
         * reader's language (the reason is stored as a code).
         */
        @Override
        public List<dev.portcullis.admin.ComputedColumn<AdminSession>> computedColumns() {
            return List.of(new dev.portcullis.admin.ComputedColumn<>("current", "This session",
                    session -> SessionTracker.isCurrent(session, currentSessionId())
                            ? Messages.get("auth.session.this") : ""),
                    new dev.portcullis.admin.ComputedColumn<>("why", "End reason",
                            session -> SessionEndReasons.label(session.getEndReason(), session.getEndedBy())));
        }

        private static String currentSessionId() {
            com.vaadin.flow.server.VaadinSession vaadin = com.vaadin.flow.server.VaadinSession.getCurrent();
            return vaadin == null || vaadin.getSession() == null ? null : vaadin.getSession().getId();
        }

        @Override
        public List<String> searchFields() {
            return List.of("username", "clientAddress");
        }

        @Override
        public List<String> listFilter() {
            return List.of("startedAt");
        }

        @Override
        public List<String> ordering() {
            return List.of("-lastSeenAt");
        }

        @Override
        public String icon() {
            return "vaadin:laptop";
        }

        @Override
        public int menuOrder() {
            return 930;
        }

        @Override
        public jakarta.persistence.criteria.Predicate scope(jakarta.persistence.criteria.Root<AdminSession> root,
                jakarta.persistence.criteria.CriteriaBuilder cb, Authentication user) {
            return seesEveryone(user) ? null : cb.equal(root.get("username"), user == null ? "" : user.getName());
        }

        @Override
        public List<AdminAction<AdminSession>> actions() {
            return List.of(new AdminAction<>("end", Messages.get("auth.session.end-session"), AdminPermissions.STAFF,
                    chosen -> {
                String by = SecurityContextHolder.getContext().getAuthentication().getName();
                long open = chosen.stream().filter(session -> session.getEndedAt() == null).count();
                chosen.stream().filter(session -> session.getEndedAt() == null)
                        .forEach(session -> sessions.end(session, SessionEndReasons.ENDED_BY, by));
                return Messages.get("auth.session.ended-many", open);
            }));
        }

        /** Viewing their own sessions is every staff user's right; the records are never edited or deleted. */
        @Override
        public boolean hasPermission(AdminOperation operation, Authentication user, AdminPermissions defaults) {
            return operation == AdminOperation.VIEW && user != null && user.getAuthorities().stream()
                    .anyMatch(a -> AdminPermissions.STAFF.equals(a.getAuthority()));
        }

        private static boolean seesEveryone(Authentication user) {
            return user != null && AdminPermissions.grants(user, "session:change");
        }
    }

    public static final class Roles extends ModelAdmin<AdminRole> {

        private final ObjectProvider<AdminRegistry> registry;
        private final EntityManager em;

        public Roles(ObjectProvider<AdminRegistry> registry, EntityManager em) {
            super(AdminRole.class);
            this.registry = registry;
            this.em = em;
        }

        /** A role grants its permissions to its holders: adding one to a role you hold raises your own rights. */
        @Override
        public GrantedRights<AdminRole> rights() {
            return new GrantedRights<>() {
                @Override
                public Set<String> of(AdminRole role) {
                    return Set.copyOf(role.getPermissions());
                }

                @Override
                public boolean appliesTo(AdminRole role, Authentication editor) {
                    Long userId = userIdOf(em, editor);
                    return role.getId() != null && userId != null && em.createQuery("select count(u) from AdminUser u"
                            + " join u.roles r where u.id = :user and r.id = :role", Long.class)
                            .setParameter("user", userId).setParameter("role", role.getId()).getSingleResult() > 0;
                }
            };
        }

        /** Every permission the admin knows: view, add, change and delete of each exposed entity. */
        @Override
        public List<String> choices(String attribute) {
            if (!"permissions".equals(attribute)) {
                return List.of();
            }
            return registry.getObject().models().stream()
                    .flatMap(model -> java.util.Arrays.stream(AdminOperation.values())
                            .map(operation -> model.permissions().authority(operation)))
                    .toList();
        }

        @Override
        public String label() {
            return "Role";
        }

        @Override
        public String slug() {
            return "role";
        }

        @Override
        public List<String> listDisplay() {
            return List.of("name", "description", "active");
        }

        @Override
        public List<String> listFilter() {
            return List.of("active");
        }

        @Override
        public List<String> fields() {
            return List.of("name", "description", "active", "permissions");
        }

        @Override
        public List<String> searchFields() {
            return List.of("name");
        }

        @Override
        public List<String> ordering() {
            return List.of("name");
        }

        @Override
        public String icon() {
            return "vaadin:key";
        }

        @Override
        public int menuOrder() {
            return 910;
        }
    }
}
