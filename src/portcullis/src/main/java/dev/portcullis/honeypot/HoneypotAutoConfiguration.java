package dev.portcullis.honeypot;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

import dev.portcullis.admin.AdminProperties;
import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.perimeter.AccessGuard;
import dev.portcullis.perimeter.PerimeterAutoConfiguration;

import jakarta.persistence.EntityManager;
import dev.portcullis.honeypot.internal.HoneypotAdmins;
import dev.portcullis.honeypot.internal.HoneypotAlerts;
import dev.portcullis.honeypot.internal.StoredAlertLanguage;
import dev.portcullis.honeypot.internal.HoneypotBlock;
import dev.portcullis.honeypot.internal.HoneypotChecks;
import dev.portcullis.honeypot.internal.HoneypotFilter;
import dev.portcullis.honeypot.internal.HoneypotGuard;
import dev.portcullis.honeypot.internal.HoneypotPage;
import dev.portcullis.honeypot.internal.HoneypotService;
import dev.portcullis.honeypot.internal.HoneypotWorker;
import dev.portcullis.honeypot.internal.IntrusionAttempt;
import dev.portcullis.honeypot.internal.IntrusionSummary;

/**
 * The honeypot: a fake admin login at well-known paths that records attempts, alerts administrators, and blocks
 * addresses that keep trying from the real admin, on every node.
 */
@AutoConfiguration(after = {PerimeterAutoConfiguration.class, dev.portcullis.admin.AdminAutoConfiguration.class},
        beforeName = {
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
@EnableConfigurationProperties(HoneypotProperties.class)
public final class HoneypotAutoConfiguration {

    /** Order of the honeypot's filter: after the perimeter's, so blocked addresses and headers apply to it too. */
    static final int FILTER_ORDER = org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20;

    /** The honeypot's tables join the application's persistence unit (mapped even when it is off, as migrated). */
    @Bean
    dev.portcullis.admin.PortcullisEntities portcullisHoneypotEntities() {
        return dev.portcullis.admin.PortcullisEntities.of(HoneypotBlock.class, IntrusionAttempt.class,
                IntrusionSummary.class);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "portcullis.honeypot.enabled", matchIfMissing = true)
    HoneypotService portcullisHoneypotService(EntityManager em, HoneypotProperties properties,
            @Qualifier("portcullisClock") Clock clock, AdminProperties admin) {
        for (String path : properties.getPaths()) {
            if (path.equals(admin.getPath()) || path.startsWith(admin.getPath() + "/")) {
                throw new IllegalStateException("'portcullis.honeypot.paths' holds " + path + ", which lies under the "
                        + "real admin (portcullis.admin.path=" + admin.getPath() + "); choose other honeypot paths");
            }
        }
        return new HoneypotService(em, properties, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "portcullis.honeypot.enabled", matchIfMissing = true)
    HoneypotAlerts portcullisHoneypotAlerts(EntityManager em, ObjectProvider<JavaMailSender> mail,
            HoneypotProperties properties, Environment environment, AdminProperties admin,
            @Qualifier("portcullisClock") Clock clock, ObjectProvider<AlertLanguage> languages) {
        return new HoneypotAlerts(em, mail, properties,
                environment.getProperty("portcullis.mail.from", "portcullis@localhost"), admin.getSiteName(), clock,
                languages.getIfAvailable(() -> new StoredAlertLanguage(em)));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "portcullis.honeypot.enabled", matchIfMissing = true)
    HoneypotWorker portcullisHoneypotWorker(HoneypotService service, HoneypotAlerts alerts,
            ObjectProvider<dev.portcullis.cluster.internal.ClusterJobs> jobs) {
        return new HoneypotWorker(service, alerts, jobs.getIfAvailable());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "portcullis.honeypot.enabled", matchIfMissing = true)
    AccessGuard portcullisHoneypotGuard(HoneypotService service, HoneypotProperties properties) {
        return new HoneypotGuard(service, properties.isBlockWholeSite());
    }

    @Bean
    HoneypotChecks portcullisHoneypotChecks(HoneypotProperties properties, Environment environment) {
        return new HoneypotChecks(properties, environment);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "portcullis.honeypot.enabled", matchIfMissing = true)
    ModelAdmin<IntrusionAttempt> portcullisIntrusionAttemptAdmin() {
        return new HoneypotAdmins.Attempts();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "portcullis.honeypot.enabled", matchIfMissing = true)
    ModelAdmin<IntrusionSummary> portcullisIntrusionSummaryAdmin() {
        return new HoneypotAdmins.Summary();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "portcullis.honeypot.enabled", matchIfMissing = true)
    ModelAdmin<HoneypotBlock> portcullisHoneypotBlockAdmin(HoneypotService service) {
        return new HoneypotAdmins.Blocks(service);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBooleanProperty(name = "portcullis.honeypot.enabled", matchIfMissing = true)
    static class Web {

        @Bean
        FilterRegistrationBean<HoneypotFilter> portcullisHoneypotFilter(HoneypotProperties properties,
                ObjectProvider<HoneypotWorker> worker, @Qualifier("portcullisSecureRandom") SecureRandom random,
                ObjectProvider<dev.portcullis.perimeter.internal.CrossSiteRequests> crossSite) {
            var registration = new FilterRegistrationBean<>(
                    new HoneypotFilter(properties, worker, new HoneypotPage(random), crossSite));
            registration.setOrder(FILTER_ORDER);
            registration.setAsyncSupported(true);
            return registration;
        }
    }
}
