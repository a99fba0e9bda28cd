package dev.portcullis.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import dev.portcullis.password.PasswordCheck;
import dev.portcullis.password.PasswordPolicy;
import dev.portcullis.auth.internal.SessionEndReasons;
import dev.portcullis.i18n.Messages;
import dev.portcullis.auth.internal.SessionTracker;

/**
 * Creates admin users and changes their passwords. Every password goes through the {@link PasswordPolicy} here,
 * whichever screen or start-up path it came from.
 */
public class AdminUserService {

    private static final Logger log = LoggerFactory.getLogger(AdminUserService.class);

    private final AdminUserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final SessionTracker sessions;
    private final AccountNotifier notifier;
    private final org.springframework.beans.factory.ObjectProvider<dev.portcullis.admin.AdminHistory> history;

    AdminUserService(AdminUserRepository users, PasswordEncoder encoder, PasswordPolicy policy, Clock clock,
            SessionTracker sessions, AccountNotifier notifier,
            org.springframework.beans.factory.ObjectProvider<dev.portcullis.admin.AdminHistory> history) {
        this.notifier = notifier;
        this.history = history;
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public Optional<AdminUser> findByUsername(String username) {
        return users.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public Optional<AdminUser> findById(long id) {
        return users.findById(id);
    }

    @Transactional(readOnly = true)
    public boolean anyStaffUserExists() {
        return users.existsByStaffTrue();
    }

    /** The username, e-mail and name of a user: what a password may not contain. */
    @Transactional(readOnly = true)
    public List<String> userInputs(String username) {
        return users.findByUsername(username).map(AdminUserService::userInputs).orElse(List.of(username));
    }

    /** Checks a candidate password for a user against the policy, without changing anything. */
    public PasswordCheck checkPassword(AdminUser user, String candidate) {
        return policy.check(candidate, userInputs(user));
    }

    /**
     * Creates a staff superuser, for bootstrapping an empty installation.
     *
     * @param mustChangePassword true for a generated password the user has never seen before
     * @throws PasswordRejectedException when the password does not satisfy the policy
     */
    @Transactional
    public AdminUser createSuperuser(String username, String rawPassword, boolean mustChangePassword) {
        return createUser(username, rawPassword, true, true, mustChangePassword);
    }

    /**
     * Creates a user with a password that satisfies the policy.
     *
     * @param staff whether the user may sign in to the admin at all
     * @param superuser whether the user holds every permission
     * @param mustChangePassword true when someone other than the user chose the password
     * @throws PasswordRejectedException when the password does not satisfy the policy
     */
    @Transactional
    public AdminUser createUser(String username, String rawPassword, boolean staff, boolean superuser,
            boolean mustChangePassword) {
        AdminUser user = new AdminUser(username, clock.instant());
        user.setStaff(staff);
        user.setSuperuser(superuser);
        applyPassword(user, rawPassword);
        user.setMustChangePassword(mustChangePassword);
        AdminUser saved = users.save(user);
        log.info("Created {}user '{}'", superuser ? "super" : staff ? "staff " : "", username);
        return saved;
    }

    /**
     * Changes the signed-in user's own password. Needs the current password, so a session left open cannot be
     * used to take the account over, and ends the user's other sessions.
     *
     * @param keepSessionId the session the change is made from, which stays signed in
     * @throws PasswordRejectedException with every reason the change was refused
     */
    @Transactional
    public void changeOwnPassword(AdminPrincipal principal, String currentPassword, String newPassword,
            String confirmation, String keepSessionId) {
        AdminUser user = users.findById(principal.getUserId())
                .orElseThrow(() -> new PasswordRejectedException(List.of(Messages.get("password.refused.no-account"))));
        List<String> problems = new ArrayList<>();
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPasswordHash())) {
            problems.add(Messages.get("password.refused.current-wrong"));
        }
        if (newPassword == null || !newPassword.equals(confirmation)) {
            problems.add(Messages.get("password.refused.new-mismatch"));
        }
        if (newPassword != null && currentPassword != null && newPassword.equals(currentPassword)) {
            problems.add(Messages.get("password.refused.unchanged"));
        }
        problems.addAll(policy.check(newPassword, userInputs(user)).problems());
        if (!problems.isEmpty()) {
            throw new PasswordRejectedException(problems);
        }
        applyPassword(user, newPassword);
        user.setMustChangePassword(false);
        principal.passwordChanged();
        sessions.endOthers(user.getId(), keepSessionId, SessionEndReasons.PASSWORD_CHANGED);
        recordPasswordChange(org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication(), user, "Changed own password");
        notifier.passwordChanged(user, user.getUsername());
        log.info("User '{}' changed their password", user.getUsername());
    }

    /**
     * Sets another user's password, or creates a staff user with one, for an administrator holding
     * {@code user:change} (or {@code user:add} for a new user). The user's sessions end, and unless told otherwise
     * the user must choose their own password at the next sign-in.
     *
     * @param userId the user, or null to create one named {@code newUsername}
     * @return the user
     * @throws org.springframework.security.access.AccessDeniedException without the permission
     * @throws PasswordRejectedException with every reason the password was refused
     */
    @Transactional(noRollbackFor = org.springframework.security.access.AccessDeniedException.class)
    public AdminUser setPassword(Long userId, String newUsername, String password, String confirmation,
            boolean mustChange) {
        var actor = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        String permission = userId == null ? "user:add" : "user:change";
        if (!dev.portcullis.admin.AdminPermissions.grants(actor, permission)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    (actor == null ? "anonymous" : actor.getName()) + " lacks " + permission);
        }
        AdminUser user;
        if (userId == null) {
            if (newUsername == null || newUsername.isBlank() || !newUsername.strip().matches("[\\p{L}\\p{N}._@+-]{1,150}")) {
                throw new PasswordRejectedException(List.of(Messages.get("password.refused.username-format")));
            }
            if (users.findByUsername(newUsername.strip()).isPresent()) {
                throw new PasswordRejectedException(List.of(Messages.get("password.refused.username-taken", newUsername.strip())));
            }
            user = new AdminUser(newUsername.strip(), clock.instant());
            user.setStaff(true);
        } else {
            user = users.findById(userId).orElseThrow(() -> new PasswordRejectedException(List.of(Messages.get("password.refused.no-user"))));
            refuseUnlessActorHoldsRightsOf(actor, user);
        }
        if (password == null || !password.equals(confirmation)) {
            throw new PasswordRejectedException(List.of(Messages.get("password.refused.mismatch")));
        }
        applyPassword(user, password);
        user.setMustChangePassword(mustChange);
        AdminUser saved = users.save(user);
        recordPasswordChange(actor, saved, userId == null ? "Added user with a password" : "Set password");
        if (userId != null) {
            sessions.endOthers(saved.getId(), null, SessionEndReasons.PASSWORD_SET, actor.getName());
            notifier.passwordChanged(saved, actor.getName());
        }
        log.info("{} set the password of '{}'{}", actor.getName(), saved.getUsername(), userId == null ? " (new user)" : "");
        return saved;
    }

    /**
     * Whether the signed-in user may set this user's password (or, for null, add a user): the permission, and for an
     * existing user every right that user holds, so that nobody takes over an account with more rights than their own.
     */
    @Transactional(readOnly = true)
    public boolean maySetPassword(Long userId) {
        var actor = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (!dev.portcullis.admin.AdminPermissions.grants(actor, userId == null ? "user:add" : "user:change")) {
            return false;
        }
        return userId == null || users.findById(userId).map(user -> lacking(actor, user).isEmpty()).orElse(true);
    }

    private void refuseUnlessActorHoldsRightsOf(org.springframework.security.core.Authentication actor, AdminUser user) {
        List<String> lacking = lacking(actor, user);
        if (!lacking.isEmpty()) {
            log.warn("Refused to let '{}' set the password of '{}', who holds rights they do not: {}", actor.getName(),
                    user.getUsername(), lacking);
            dev.portcullis.admin.AdminHistory record = history.getIfAvailable();
            if (record != null) {
                record.record(actor, new dev.portcullis.admin.AdminChange(dev.portcullis.admin.AdminChange.Kind.ACTION,
                        "user", String.valueOf(user.getId()), user.getUsername(), List.of(),
                        "Refused: set password of a user with rights the editor does not hold"));
            }
            throw new org.springframework.security.access.AccessDeniedException(actor.getName()
                    + " may not set the password of a user holding " + lacking);
        }
    }

    private static List<String> lacking(org.springframework.security.core.Authentication actor, AdminUser user) {
        return user.grantedRights(role -> role).stream()
                .filter(right -> !dev.portcullis.admin.AdminPermissions.grants(actor, right)).toList();
    }

    /** Puts a password change in the history log (the hash itself masked), when the history feature is present. */
    private void recordPasswordChange(org.springframework.security.core.Authentication actor, AdminUser user,
            String what) {
        dev.portcullis.admin.AdminHistory log = history.getIfAvailable();
        if (log != null && actor != null) {
            log.record(actor, new dev.portcullis.admin.AdminChange(dev.portcullis.admin.AdminChange.Kind.ACTION, "user",
                    String.valueOf(user.getId()), user.getUsername(),
                    List.of(new dev.portcullis.admin.AdminChange.FieldChange("passwordHash", null, null, true)), what));
        }
    }

    /** True when {@code rawPassword} is the user's current password; for re-confirming before a sensitive change. */
    @Transactional(readOnly = true)
    public boolean passwordMatches(long userId, String rawPassword) {
        return rawPassword != null && users.findById(userId)
                .map(user -> encoder.matches(rawPassword, user.getPasswordHash())).orElse(false);
    }

    /**
     * The language a user chose, or null for the browser's. Only the framework's languages are returned: a tag
     * written into the database by hand that the admin does not speak counts as no choice.
     */
    @Transactional(readOnly = true)
    public java.util.Locale preferredLanguage(long userId) {
        return users.findById(userId).map(AdminUser::getPreferredLanguage).map(AdminUserService::language)
                .orElse(null);
    }

    /** Stores a user's language (null for the browser's); refuses a language the admin does not speak. */
    @Transactional
    public void choosePreferredLanguage(long userId, java.util.Locale language) {
        String tag = language == null ? null : language.getLanguage();
        if (tag != null && language(tag) == null) {
            throw new IllegalArgumentException("The admin does not speak " + language);
        }
        users.findById(userId).ifPresent(user -> user.setPreferredLanguage(tag));
    }

    /** The framework's language of this tag, or null. */
    private static java.util.Locale language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String wanted = java.util.Locale.forLanguageTag(tag).getLanguage();
        return dev.portcullis.i18n.Messages.LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted))
                .findFirst().orElse(null);
    }

    /** Notes the time of a successful sign-in. */
    @Transactional
    public void recordSignIn(String username) {
        users.findByUsername(username).ifPresent(user -> user.setLastLoginAt(clock.instant()));
    }

    private void applyPassword(AdminUser user, String rawPassword) {
        PasswordCheck check = policy.check(rawPassword, userInputs(user));
        if (!check.accepted()) {
            throw new PasswordRejectedException(check.problems());
        }
        user.setPasswordHash(encoder.encode(rawPassword));
        user.setPasswordChangedAt(clock.instant());
    }

    private static List<String> userInputs(AdminUser user) {
        List<String> inputs = new ArrayList<>();
        inputs.add(user.getUsername());
        if (user.getEmail() != null) {
            inputs.add(user.getEmail());
            inputs.add(user.getEmail().split("@", 2)[0]);
        }
        if (user.getFullName() != null) {
            inputs.add(user.getFullName());
            inputs.addAll(List.of(user.getFullName().split("\\s+")));
        }
        return inputs;
    }
}
