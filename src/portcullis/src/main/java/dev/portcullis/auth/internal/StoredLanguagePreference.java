package dev.portcullis.auth.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

import dev.portcullis.admin.LanguagePreference;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminUserService;

/** The language choice stored on the admin user, read fresh at each new page so a change on another node applies. */
public final class StoredLanguagePreference implements LanguagePreference {

    private final AdminUserService users;

    public StoredLanguagePreference(AdminUserService users) {
        this.users = users;
    }

    @Override
    public @Nullable Locale chosen(@Nullable Authentication user) {
        return user != null && user.getPrincipal() instanceof AdminPrincipal principal
                ? users.preferredLanguage(principal.getUserId()) : null;
    }

    @Override
    public void choose(Authentication user, @Nullable Locale language) {
        if (!(user.getPrincipal() instanceof AdminPrincipal principal)) {
            throw new IllegalStateException("Only a signed-in admin user has a stored language");
        }
        users.choosePreferredLanguage(principal.getUserId(), language);
    }
}
