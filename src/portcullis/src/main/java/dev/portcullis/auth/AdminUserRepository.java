package dev.portcullis.auth;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdminUserRepository extends JpaRepository<AdminUser, Long> {

    @EntityGraph(attributePaths = {"roles", "roles.permissions"})
    Optional<AdminUser> findWithRolesByUsername(String username);

    Optional<AdminUser> findByUsername(String username);

    boolean existsByStaffTrue();
}
