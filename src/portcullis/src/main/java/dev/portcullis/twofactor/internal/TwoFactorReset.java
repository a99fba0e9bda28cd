package dev.portcullis.twofactor.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.portcullis.admin.AdminChange;
import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.AdminHistory;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.auth.AccountNotifier;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminUser;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.internal.SessionTracker;
import dev.portcullis.twofactor.internal.TwoFactorService.Outcome;
import dev.portcullis.twofactor.internal.TwoFactorService.RefusedException;

import jakarta.persistence.EntityManager;
import dev.portcullis.twofactor.TwoFactorProperties;

/**
 * Taking a second factor off: by its user (password and a current code again, unless it is required for them), or by
 * an administrator with the rights to set the user's password, for a lost phone.
 */
public final class TwoFactorReset {

    private static final Logger log = LoggerFactory.getLogger(TwoFactorReset.class);

    private final EntityManager em;
    private final TwoFactorProperties properties;
    private final SecondFactorVerifier verifier;
    private final RecoveryCodes recoveryCodes;
    private final AdminUserService users;
    private final SessionTracker sessions;
    private final AccountNotifier notifier;
    private final AdminHistory history;

    public TwoFactorReset(EntityManager em, TwoFactorProperties properties, SecondFactorVerifier verifier,
            RecoveryCodes recoveryCodes, AdminUserService users, SessionTracker sessions, AccountNotifier notifier,
            AdminHistory history) {
        this.em = em;
        this.properties = properties;
        this.verifier = verifier;
        this.recoveryCodes = recoveryCodes;
        this.users = users;
        this.sessions = sessions;
        this.notifier = notifier;
        this.history = history;
    }

    boolean isRequiredFor(AdminPrincipal user) {
        return user.hasAnyAuthority(properties.getRequiredFor());
    }

    void disable(long userId, String password, String code, String address) {
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof AdminPrincipal self
                && self.getUserId() == userId && isRequiredFor(self)) {
            throw new RefusedException(Messages.get("twofactor.refused.required"), Outcome.NOT_ENABLED);
        }
        AdminUser user = verifier.reconfirm(userId, password, code, address);
        if (hasSecurityKeys(em, userId)) {
            // Security keys stay: only the authenticator goes, and the recovery codes still back up the keys.
            TwoFactorSecret secret = em.find(TwoFactorSecret.class, userId);
            if (secret != null) {
                em.remove(secret);
            }
            log.info("User '{}' removed their authenticator app; their security keys remain", user.getUsername());
            return;
        }
        removeSecret(user);
        log.info("User '{}' turned two-factor sign-in off", user.getUsername());
    }

    void reset(long userId) {
        Authentication actor = SecurityContextHolder.getContext().getAuthentication();
        // The same rule as setting a password: user:change, and nobody takes the second factor off an account
        // holding rights they lack (a superuser, for a user manager).
        if (!AdminPermissions.grants(actor, "user:change") || !users.maySetPassword(userId)) {
            throw new AccessDeniedException((actor == null ? "anonymous" : actor.getName())
                    + " may not reset the two-factor sign-in of user " + userId);
        }
        AdminUser user = SecondFactorVerifier.user(em, userId);
        removeSecret(user);
        if (history != null) {
            history.record(actor, new AdminChange(AdminChange.Kind.ACTION, "user", String.valueOf(userId),
                    user.getUsername(), List.of(new AdminChange.FieldChange("twoFactorEnabled", "true", "false", false)),
                    "Reset two-factor sign-in"));
        }
        sessions.endOthers(userId, null, dev.portcullis.auth.internal.SessionEndReasons.TWO_FACTOR_RESET,
                actor.getName());
        notifier.accountChanged(user, "two-factor sign-in was reset", "two-factor sign-in for your account was reset",
                actor.getName(), "Your signed-in sessions have been ended; you will set it up again at your next sign-in.");
        log.warn("{} reset the two-factor sign-in of '{}'", actor.getName(), user.getUsername());
    }

    private void removeSecret(AdminUser user) {
        TwoFactorSecret secret = em.find(TwoFactorSecret.class, user.getId());
        if (secret != null) {
            em.remove(secret);
        }
        recoveryCodes.deleteAll(user.getId());
        // Security keys too (their table is always migrated, whether the feature is on or not).
        em.createNativeQuery("delete from portcullis_webauthn_credential where user_id = ?1")
                .setParameter(1, user.getId()).executeUpdate();
        user.setTwoFactorEnabled(false);
    }

    /** True when the user has registered a security key or passkey. */
    static boolean hasSecurityKeys(EntityManager em, long userId) {
        return ((Number) em.createNativeQuery("select count(*) from portcullis_webauthn_credential where user_id = ?1")
                .setParameter(1, userId).getSingleResult()).longValue() > 0;
    }
}
