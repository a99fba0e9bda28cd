package dev.portcullis.testsupport;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signs in made-up principals for service tests: exactly the authorities given, nothing else. */
public final class Users {

    private Users() {
    }

    public static void signInWith(String username, String... authorities) {
        List<SimpleGrantedAuthority> granted = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("ROLE_STAFF"), java.util.Arrays.stream(authorities))
                .map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, granted));
    }

    public static void superuser() {
        signInWith("root", "ROLE_SUPERUSER");
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
