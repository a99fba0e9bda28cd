package dev.portcullis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.example.scanned.ScanningHostApplication;
import com.example.scanned.model.Shelf;
import com.example.scanned.model.ShelfRepository;

import dev.portcullis.auth.AdminUserService;

import jakarta.persistence.EntityManagerFactory;

/**
 * The framework's entities join the host's persistence unit without entering the host's scans: a host with its own
 * {@code @EntityScan} and {@code @EnableJpaRepositories} keeps both and still gets every Portcullis table mapped.
 */
class HostScansTest {

    /** Every entity of the framework with its switches on (two-factor's two only while it is on). */
    private static final Set<String> FRAMEWORK_ENTITIES = Set.of("AdminUser", "AdminRole", "AdminSession",
            "LoginThrottle", "LoginLock", "HoneypotBlock", "IntrusionAttempt", "IntrusionSummary", "TwoFactorSecret",
            "RecoveryCode");

    @Test
    void aPlainHostGetsTheFrameworksEntitiesWhileItsOwnPackagesStayItsOwn() {
        PortcullisContextRunner.create().run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(entities(ctx.getBean(EntityManagerFactory.class))).containsAll(FRAMEWORK_ENTITIES);
            assertThat(AutoConfigurationPackages.get(ctx)).containsExactly("com.example.host")
                    .noneMatch(name -> name.startsWith("dev.portcullis"));
        });
    }

    @Test
    void aHostWithItsOwnEntityScanAndRepositoriesKeepsThemAndGetsOursToo() {
        scanningHost().run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(entities(ctx.getBean(EntityManagerFactory.class))).containsAll(FRAMEWORK_ENTITIES)
                    .contains("Shelf");
            ShelfRepository shelves = ctx.getBean(ShelfRepository.class);
            shelves.save(new Shelf("Poetry"));
            assertThat(shelves.count()).isEqualTo(1);
            // The framework's own users, read and written without Spring Data.
            AdminUserService users = ctx.getBean(AdminUserService.class);
            assertThat(users.anyStaffUserExists()).isFalse();
            users.createUser("scan-admin", "correct horse battery staple", true, true, false);
            assertThat(users.anyStaffUserExists()).isTrue();
            assertThat(users.findByUsername("scan-admin")).isPresent();
            assertThat(AutoConfigurationPackages.get(ctx)).containsExactly("com.example.scanned")
                    .noneMatch(name -> name.startsWith("dev.portcullis"));
        });
    }

    @Test
    void twoFactorSwitchedOffMapsNoneOfItsTables() {
        PortcullisContextRunner.create().withPropertyValues("portcullis.two-factor.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(entities(ctx.getBean(EntityManagerFactory.class))).contains("AdminUser")
                    .doesNotContain("TwoFactorSecret", "RecoveryCode");
        });
    }

    private static ApplicationContextRunner scanningHost() {
        return new ApplicationContextRunner()
                .withUserConfiguration(ScanningHostApplication.class)
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        // The host's own table comes from Hibernate here; Portcullis's from its migrations.
                        "spring.jpa.hibernate.ddl-auto=update",
                        "portcullis.https.enabled=false",
                        "portcullis.two-factor.required-for=",
                        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
    }

    private static Set<String> entities(EntityManagerFactory emf) {
        return emf.getMetamodel().getEntities().stream().map(type -> type.getJavaType().getSimpleName())
                .collect(Collectors.toSet());
    }
}
