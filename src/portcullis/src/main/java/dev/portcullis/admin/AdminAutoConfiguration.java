package dev.portcullis.admin;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.admin.model.AdminRegistry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import dev.portcullis.admin.internal.AdminAssetsFilter;
import dev.portcullis.admin.internal.AdminChecks;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.internal.AdminUrlAnnouncer;
import dev.portcullis.admin.internal.AdminRoutePackages;

/**
 * The admin shell: its path, layout, dashboard and navigation. Adds the active features' packages to Vaadin's route
 * scan ({@link AdminRoutePackages}), so an application's own {@code @SpringBootApplication} package needs to know
 * nothing about Portcullis, and its entity and repository scans stay its own.
 */
@AutoConfiguration(after = dev.portcullis.environment.EnvironmentAutoConfiguration.class, beforeName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
@EnableConfigurationProperties(AdminProperties.class)
public final class AdminAutoConfiguration {

    /**
     * The clock all time-based security code reads, injected by its name only: a host's own {@code Clock} bean
     * changes nothing here. Replace it (a test that checks expiry without waiting) with a bean of the same name.
     */
    @Bean(name = "portcullisClock", defaultCandidate = false)
    @ConditionalOnMissingBean(name = "portcullisClock")
    Clock portcullisClock() {
        return Clock.systemUTC();
    }

    /** The framework's routes for Vaadin's scan, without touching the application's {@code AutoConfigurationPackages}. */
    @Bean
    static AdminRoutePackages portcullisAdminRoutePackages() {
        return new AdminRoutePackages();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<AdminAssetsFilter> portcullisAdminAssetsFilter(AdminProperties properties,
            EnvironmentInfo environment) {
        FilterRegistrationBean<AdminAssetsFilter> registration =
                new FilterRegistrationBean<>(new AdminAssetsFilter(properties.getPath(), environment));
        registration.addUrlPatterns(properties.getPath() + AdminAssetsFilter.SEGMENT + "*",
                properties.getPath() + AdminAssetsFilter.FAVICON);
        // After Spring Security, so these responses carry the same security headers as every other one.
        registration.setOrder(0);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    AdminPageTitles portcullisPageTitles(AdminProperties properties, EnvironmentInfo environment) {
        return new AdminPageTitles(properties, environment);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    dev.portcullis.admin.ui.internal.EnvironmentIndexHtml portcullisEnvironmentIndexHtml(AdminPageTitles titles) {
        return new dev.portcullis.admin.ui.internal.EnvironmentIndexHtml(titles);
    }

    /** Dates and numbers in the browser's locale (unless an I18NProvider chooses among its languages). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    dev.portcullis.admin.ui.internal.BrowserLocale portcullisBrowserLocale() {
        return new dev.portcullis.admin.ui.internal.BrowserLocale();
    }

    @Bean
    AdminUrlAnnouncer portcullisAdminUrlAnnouncer(AdminProperties properties) {
        return new AdminUrlAnnouncer(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    dev.portcullis.admin.ui.internal.AdminMenu portcullisAdminMenu(java.util.List<AdminMenuContributor> contributors) {
        return new dev.portcullis.admin.ui.internal.AdminMenu(contributors);
    }

    @Bean
    @ConditionalOnMissingBean
    AdminRegistry portcullisAdminRegistry(EntityManagerFactory entityManagerFactory, BeanFactory beanFactory,
            ObjectProvider<ModelAdmin<?>> modelAdmins) {
        Set<Class<?>> annotated = new LinkedHashSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(AdminEntity.class));
        List<String> packages = AutoConfigurationPackages.has(beanFactory)
                ? AutoConfigurationPackages.get(beanFactory) : List.of();
        for (String base : packages) {
            for (var candidate : scanner.findCandidateComponents(base)) {
                annotated.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), beanFactory.getClass().getClassLoader()));
            }
        }
        entityManagerFactory.getMetamodel().getEntities().stream().map(e -> e.getJavaType())
                .filter(type -> type.isAnnotationPresent(AdminEntity.class)).forEach(annotated::add);
        return AdminRegistry.build(entityManagerFactory.getMetamodel(), annotated, modelAdmins.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    AdminEntityService portcullisAdminEntityService(EntityManager entityManager, AdminRegistry registry,
            ObjectProvider<AdminHistory> history) {
        return new AdminEntityService(entityManager, registry, history);
    }

    /** Saves the rows edited in place in a list, all or none, each through the form's checks. */
    @Bean
    @ConditionalOnMissingBean
    dev.portcullis.admin.data.internal.ListEdits portcullisListEdits(AdminEntityService service,
            EntityManager entityManager, org.springframework.transaction.PlatformTransactionManager transactions,
            ObjectProvider<jakarta.validation.Validator> validator) {
        return new dev.portcullis.admin.data.internal.ListEdits(service, entityManager, transactions,
                validator.getIfUnique());
    }

    /** The admin's own table: saved filters per user (migration V17). */
    @Bean
    PortcullisEntities portcullisAdminEntities() {
        return PortcullisEntities.of(dev.portcullis.admin.data.internal.SavedListFilter.class);
    }

    /** Saved filters per user, each user reading and deleting only their own. */
    @Bean
    @ConditionalOnMissingBean
    dev.portcullis.admin.data.internal.SavedFilters portcullisSavedFilters(EntityManager entityManager,
            org.springframework.transaction.PlatformTransactionManager transactions,
            @org.springframework.beans.factory.annotation.Qualifier("portcullisClock") Clock clock) {
        return new dev.portcullis.admin.data.internal.SavedFilters(entityManager, transactions, clock);
    }

    @Bean
    AdminMenuContributor portcullisEntityMenu(AdminRegistry registry) {
        return () -> registry.models().stream()
                .map(model -> AdminMenuItem.navigation(model.pluralLabel(), model.slug(), model.admin().icon(),
                        model.admin().menuOrder(), model.permissions().authority(AdminOperation.VIEW))
                        .inSection(menuSection(model)))
                .toList();
    }

    /** The admin's own choice, else Portcullis's entities by feature, else the application's own section. */
    static String menuSection(dev.portcullis.admin.model.AdminModel<?> model) {
        if (model.admin().menuSection() != null) {
            return model.admin().menuSection();
        }
        String name = model.entityClass().getName();
        if (name.startsWith("dev.portcullis.honeypot.")) {
            return AdminMenuItem.SECTION_HONEYPOT;
        }
        if (name.startsWith("dev.portcullis.audit.")) {
            return AdminMenuItem.SECTION_AUDIT;
        }
        return name.startsWith("dev.portcullis.") && !name.startsWith("dev.portcullis.demo.")
                ? AdminMenuItem.SECTION_USERS : null;
    }

    @Bean
    AdminMenuContributor portcullisDashboardMenu() {
        return () -> java.util.List.of(AdminMenuItem.navigation("Dashboard", "", "vaadin:dashboard", 0, null));
    }

    /** security.W046: the admin at a path that scanners try first. */
    @Bean
    dev.portcullis.checks.Check portcullisAdminPathCheck(AdminProperties properties) {
        return dev.portcullis.checks.Check.deploy("security", () -> AdminChecks.wellKnownPath(properties));
    }

    /** The warnings of the admin registrations (admin.W...), so the audit shows them too; errors stop the start. */
    @Bean
    dev.portcullis.checks.Check portcullisAdminRegistrationsCheck(AdminRegistry registry) {
        return new dev.portcullis.checks.Check() {
            @Override
            public java.util.List<dev.portcullis.checks.CheckMessage> run() {
                return registry.messages();
            }

            @Override
            public java.util.Set<String> tags() {
                return java.util.Set.of("admin");
            }

            @Override
            public boolean deploy() {
                return false;
            }
        };
    }
}
