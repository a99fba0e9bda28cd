package dev.portcullis.auth;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads admin users for sign-in. Users who are inactive or not staff are reported as unknown, so Spring Security
 * spends the same hashing time on them as on a wrong password and the response gives nothing away.
 */
public class AdminUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AdminUserRepository users;

    AdminUserDetailsService(AdminUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AdminUser user = users.findWithRolesByUsername(username)
                .filter(u -> u.isActive() && u.isStaff())
                .orElseThrow(() -> new UsernameNotFoundException("No active staff user with that username"));
        return principalOf(user);
    }

    /** Re-hashes with the current encoder after a successful sign-in with an older hash format. */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails details, String newEncodedPassword) {
        AdminUser user = users.findWithRolesByUsername(details.getUsername())
                .orElseThrow(() -> new UsernameNotFoundException("User vanished during sign-in"));
        user.setPasswordHash(newEncodedPassword);
        return principalOf(user);
    }

    static AdminPrincipal principalOf(AdminUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(AdminPrincipal.ROLE_STAFF));
        if (user.isSuperuser()) {
            authorities.add(new SimpleGrantedAuthority(AdminPrincipal.ROLE_SUPERUSER));
        }
        user.getRoles().stream()
                .filter(AdminRole::isActive)
                .flatMap(role -> role.getPermissions().stream())
                .distinct()
                .map(SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        String displayName = user.getFullName() == null || user.getFullName().isBlank()
                ? user.getUsername() : user.getFullName();
        return new AdminPrincipal(user.getId(), user.getUsername(), displayName, user.getPasswordHash(),
                authorities, user.isMustChangePassword(), user.isTwoFactorEnabled());
    }
}
