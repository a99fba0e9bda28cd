package dev.portcullis.twofactor.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;
import dev.portcullis.twofactor.TwoFactorProperties;

/** Single-use recovery codes: made in a set, kept as keyed hashes, each spent at most once. */
public final class RecoveryCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 10;

    private final EntityManager em;
    private final SecretBox box;
    private final SecureRandom random;
    private final Clock clock;
    private final TwoFactorProperties properties;

    public RecoveryCodes(EntityManager em, SecretBox box, SecureRandom random, Clock clock, TwoFactorProperties properties) {
        this.em = em;
        this.box = box;
        this.random = random;
        this.clock = clock;
        this.properties = properties;
    }

    /** A new set in place of the user's old codes; the codes are returned once, to be shown once. */
    List<String> replace(long userId) {
        deleteAll(userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < properties.getRecoveryCodes(); i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            em.persist(new RecoveryCode(userId, box.hash(code.toString())));
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    /** Spends an unused code matching {@code input}; false when none matches or a racing request spent it first. */
    boolean use(long userId, String input) {
        String normalized = normalize(input);
        if (normalized.length() != LENGTH) {
            return false;
        }
        List<String> candidates = box.hashesUnderEveryKey(normalized);
        for (RecoveryCode code : unused(userId)) {
            boolean match = false;
            for (String candidate : candidates) {
                match |= SecretBox.same(candidate, code.codeHash());
            }
            if (match) {
                int claimed = em.createQuery("update RecoveryCode c set c.usedAt = :at where c.id = :id and c.usedAt is null")
                        .setParameter("at", clock.instant()).setParameter("id", code.id()).executeUpdate();
                return claimed == 1;
            }
        }
        return false;
    }

    int left(long userId) {
        return em.createQuery("select count(c) from RecoveryCode c where c.userId = :user and c.usedAt is null",
                Long.class).setParameter("user", userId).getSingleResult().intValue();
    }

    void deleteAll(long userId) {
        em.createQuery("delete from RecoveryCode c where c.userId = :user").setParameter("user", userId).executeUpdate();
    }

    private List<RecoveryCode> unused(long userId) {
        return em.createQuery("select c from RecoveryCode c where c.userId = :user and c.usedAt is null",
                RecoveryCode.class).setParameter("user", userId).getResultList();
    }

    /** Recovery codes ignore case, spaces and dashes, and read O as 0 and I or L as 1. */
    static String normalize(String input) {
        if (input == null) {
            return "";
        }
        return input.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
    }
}
