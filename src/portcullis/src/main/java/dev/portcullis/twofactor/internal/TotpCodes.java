package dev.portcullis.twofactor.internal;

import java.time.Clock;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.portcullis.auth.AdminUser;
import dev.portcullis.twofactor.internal.TwoFactorService.Outcome;

import jakarta.persistence.EntityManager;

/**
 * Authenticator-app codes at sign-in: right for the current time step or one either side, and each time step used at
 * most once per user, even by two requests racing with the same code.
 */
public final class TotpCodes {

    private static final Logger log = LoggerFactory.getLogger(TotpCodes.class);

    private final EntityManager em;
    private final SecretBox box;
    private final Clock clock;

    public TotpCodes(EntityManager em, SecretBox box, Clock clock) {
        this.em = em;
        this.box = box;
        this.clock = clock;
    }

    /** Checks a code of {@link Totp#DIGITS} digits against the user's stored authenticator secret. */
    Outcome check(AdminUser user, TwoFactorSecret secret, String code) {
        byte[] key = box.open(secret.sealed());
        OptionalLong step = Totp.verify(key, code, clock.instant());
        if (step.isEmpty()) {
            return Outcome.WRONG;
        }
        // One conditional update decides between two requests racing with the same code.
        int claimed = em.createQuery("update TwoFactorSecret s set s.lastUsedStep = :step, s.lastUsedAt = :at,"
                + " s.version = s.version + 1 where s.userId = :user"
                + " and (s.lastUsedStep is null or s.lastUsedStep < :step)")
                .setParameter("step", step.getAsLong()).setParameter("at", clock.instant())
                .setParameter("user", user.getId()).executeUpdate();
        if (claimed == 0) {
            return Outcome.REPLAYED;
        }
        em.refresh(secret);
        if (!secret.sealed().keyId().equals(box.currentKeyId())) {
            secret.seal(box.seal(key));
            log.info("Re-encrypted the two-factor secret of '{}' with the current key", user.getUsername());
        }
        return Outcome.ACCEPTED;
    }
}
