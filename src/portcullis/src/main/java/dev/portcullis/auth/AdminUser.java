package dev.portcullis.auth;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A person who may sign in to the admin. Passwords are stored only as encoder hashes
 * ({@code {argon2@SpringSecurity_v5_8}...}); the hash never leaves {@link AdminUserService}.
 */
@Entity
@Table(name = "portcullis_user")
public class AdminUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @NotBlank
    @Size(max = 150)
    @Pattern(regexp = "[\\p{L}\\p{N}._@+-]+", message = "may contain only letters, digits and . _ @ + -")
    @Column(nullable = false, unique = true, length = 150)
    private String username;

    @Email
    @Size(max = 254)
    private String email;

    @Size(max = 150)
    private String fullName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    /** Inactive users cannot sign in; deactivate instead of deleting to keep history intact. */
    private boolean active = true;

    /** Only staff users may sign in to the admin at all. */
    private boolean staff;

    /** Superusers hold every permission without it being assigned. */
    private boolean superuser;

    /** Set for generated (bootstrap or admin-issued) passwords: the user must choose their own first. */
    private boolean mustChangePassword;

    /** Maintained by the two-factor feature: true once the user has confirmed an authenticator. */
    @Column(name = "two_factor_enabled", nullable = false)
    private boolean twoFactorEnabled;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private Instant lastLoginAt;

    private Instant passwordChangedAt;

    /** The language the user chose for the admin and their e-mails (a BCP 47 tag such as "de"); null for the browser's. */
    @Size(max = 35)
    @Column(name = "preferred_language", length = 35)
    private String preferredLanguage;

    @ManyToMany
    @JoinTable(name = "portcullis_user_role",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<AdminRole> roles = new LinkedHashSet<>();

    protected AdminUser() {
    }

    public AdminUser(String username, Instant createdAt) {
        this.username = username;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean isStaff() {
        return staff;
    }

    public void setStaff(boolean staff) {
        this.staff = staff;
    }

    public boolean isSuperuser() {
        return superuser;
    }

    public void setSuperuser(boolean superuser) {
        this.superuser = superuser;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    /** True when the user signs in with a second factor. */
    public boolean isTwoFactorEnabled() {
        return twoFactorEnabled;
    }

    /** Set by the two-factor service only, as it enables, resets or turns off a user's second factor. */
    public void setTwoFactorEnabled(boolean twoFactorEnabled) {
        this.twoFactorEnabled = twoFactorEnabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    void setPasswordChangedAt(Instant passwordChangedAt) {
        this.passwordChangedAt = passwordChangedAt;
    }

    public Set<AdminRole> getRoles() {
        return roles;
    }

    public void setRoles(Set<AdminRole> roles) {
        this.roles = roles;
    }

    /**
     * What this record grants, as authorities: staff, superuser and the permissions of its roles, active or not.
     *
     * @param stored the stored version of a role (the record may hold detached ones); null to skip the role
     */
    public java.util.Set<String> grantedRights(java.util.function.UnaryOperator<AdminRole> stored) {
        java.util.Set<String> rights = new java.util.TreeSet<>();
        if (staff) {
            rights.add(AdminPrincipal.ROLE_STAFF);
        }
        if (superuser) {
            rights.add(AdminPrincipal.ROLE_SUPERUSER);
        }
        for (AdminRole role : roles) {
            AdminRole current = stored.apply(role);
            if (current != null) {
                rights.addAll(current.getPermissions());
            }
        }
        return rights;
    }

    @Override
    public String toString() {
        return username;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }
}
