package dev.portcullis.honeypot.internal;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.portcullis.auth.AdminUser;
import dev.portcullis.honeypot.AlertLanguage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;

/**
 * An alert recipient's language as stored on their admin user (matched by e-mail address, case-insensitively): the
 * user's {@code preferredLanguage} (or {@code language}, {@code locale}) attribute, a language tag such as {@code de} or a {@link Locale}. Null
 * for an address no user has, a user without a language, or while users have no such attribute at all.
 */
public final class StoredAlertLanguage implements AlertLanguage {

    /** The names the user's language may be stored under, in the order they are looked for. */
    static final List<String> ATTRIBUTES = List.of("preferredLanguage", "language", "locale");

    private final EntityManager em;

    public StoredAlertLanguage(EntityManager em) {
        this.em = em;
    }

    @Override
    public @Nullable Locale of(String emailAddress) {
        String attribute = languageAttribute();
        if (attribute == null || emailAddress == null || emailAddress.isBlank()) {
            return null;
        }
        List<?> stored = em.createQuery("select u." + attribute + " from AdminUser u where lower(u.email) = :email"
                + " and u.active = true", Object.class)
                .setParameter("email", emailAddress.strip().toLowerCase(Locale.ROOT)).setMaxResults(1)
                .getResultList();
        Object value = stored.isEmpty() ? null : stored.get(0);
        if (value instanceof Locale locale) {
            return locale;
        }
        if (value instanceof String tag && !tag.isBlank()) {
            Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
            return locale.getLanguage().isEmpty() ? null : locale;
        }
        return null;
    }

    private @Nullable String languageAttribute() {
        var names = em.getMetamodel().entity(AdminUser.class).getAttributes().stream().map(Attribute::getName)
                .toList();
        return ATTRIBUTES.stream().filter(names::contains).findFirst().orElse(null);
    }
}
