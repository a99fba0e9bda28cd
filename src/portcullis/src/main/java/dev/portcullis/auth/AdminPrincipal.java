package dev.portcullis.auth;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in admin user as Spring Security sees it. Authorities are {@code ROLE_STAFF}, {@code ROLE_SUPERUSER}
 * for superusers, and one authority per permission (e.g. {@code book:change}) granted through roles.
 */
public final class AdminPrincipal implements UserDetails, CredentialsContainer, dev.portcullis.admin.AdminIdentity {

    public static final String ROLE_STAFF = "ROLE_STAFF";
    public static final String ROLE_SUPERUSER = "ROLE_SUPERUSER";

    private final long userId;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final List<GrantedAuthority> authorities;
    private volatile boolean mustChangePassword;
    private final boolean twoFactorEnabled;

    AdminPrincipal(long userId, String username, String displayName, String passwordHash,
            List<GrantedAuthority> authorities, boolean mustChangePassword, boolean twoFactorEnabled) {
        this.twoFactorEnabled = twoFactorEnabled;
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.authorities = List.copyOf(authorities);
        this.mustChangePassword = mustChangePassword;
    }

    public long getUserId() {
        return userId;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    /** True until a user with a generated password has chosen their own. */
    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    /** True when the user had a second factor when they signed in. */
    public boolean isTwoFactorEnabled() {
        return twoFactorEnabled;
    }

    /** True when one of the user's authorities is among {@code authorities}. */
    public boolean hasAnyAuthority(java.util.Collection<String> wanted) {
        return authorities.stream().anyMatch(a -> wanted.contains(a.getAuthority()));
    }

    /** This user with the rights they hold now, read at a request after a change of their roles or permissions. */
    public AdminPrincipal withAuthorities(List<String> current) {
        return new AdminPrincipal(userId, username, displayName, null,
                current.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList(), mustChangePassword,
                twoFactorEnabled);
    }

    /** The authorities as plain names, for comparing with the rights read from the database. */
    public java.util.Set<String> authorityNames() {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
    }

    void passwordChanged() {
        this.mustChangePassword = false;
    }

    public boolean isSuperuser() {
        return authorities.stream().anyMatch(a -> ROLE_SUPERUSER.equals(a.getAuthority()));
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AdminPrincipal[" + username + "]";
    }
}
