package dev.portcullis.admin;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * The language a signed-in user chose for the admin ("Language" in the user menu). Without a choice the admin
 * follows the browser. The auth feature stores the choice on the user; a host with its own user store may
 * provide its own bean.
 */
public interface LanguagePreference {

    /** The language {@code user} chose, or null for the browser's (also for anyone not signed in). */
    @Nullable Locale chosen(@Nullable Authentication user);

    /**
     * Stores the choice of the signed-in {@code user} for themselves (null: follow the browser). Only languages of
     * {@link dev.portcullis.i18n.Messages#LANGUAGES} are accepted.
     */
    void choose(Authentication user, @Nullable Locale language);
}
