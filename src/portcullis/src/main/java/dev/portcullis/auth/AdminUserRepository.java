package dev.portcullis.auth;

import java.util.Optional;

import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/**
 * The admin users' table, read and written through the {@link EntityManager}. A plain class rather than a Spring
 * Data repository: Spring Data would need {@code @EnableJpaRepositories} on the framework's package, which switches
 * off the host's own repository auto-configuration.
 */
@Transactional(readOnly = true)
class AdminUserRepository {

    private final EntityManager em;

    AdminUserRepository(EntityManager em) {
        this.em = em;
    }

    /** The user with its roles and their permissions loaded, for sign-in outside any open session. */
    public Optional<AdminUser> findWithRolesByUsername(String username) {
        return em.createQuery("select distinct u from AdminUser u left join fetch u.roles r"
                        + " left join fetch r.permissions where u.username = :username", AdminUser.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    public Optional<AdminUser> findByUsername(String username) {
        return em.createQuery("select u from AdminUser u where u.username = :username", AdminUser.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    public Optional<AdminUser> findById(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(AdminUser.class, id));
    }

    public boolean existsByStaffTrue() {
        return !em.createQuery("select u.id from AdminUser u where u.staff = true", Long.class)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public long count() {
        return em.createQuery("select count(u) from AdminUser u", Long.class).getSingleResult();
    }

    /** Inserts a new user (no id yet) or merges a detached one, as Spring Data's {@code save} did. */
    @Transactional
    public AdminUser save(AdminUser user) {
        if (user.getId() == null) {
            em.persist(user);
            return user;
        }
        return em.merge(user);
    }
}
