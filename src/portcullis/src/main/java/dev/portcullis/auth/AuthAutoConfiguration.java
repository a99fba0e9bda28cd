package dev.portcullis.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import dev.portcullis.admin.AdminAutoConfiguration;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.password.PasswordAutoConfiguration;
import dev.portcullis.password.PasswordPolicy;
import dev.portcullis.auth.internal.AdminSession;
import dev.portcullis.auth.internal.AuthChecks;
import dev.portcullis.auth.internal.BootstrapAdmin;
import dev.portcullis.auth.internal.ForcedPasswordChangeGuard;
import dev.portcullis.auth.internal.LoginLock;
import dev.portcullis.auth.internal.LoginThrottleService;
import dev.portcullis.auth.internal.LoginView;
import dev.portcullis.auth.internal.PendingSignIn;
import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.auth.internal.SessionTracker;
import dev.portcullis.auth.internal.SessionTrackingFilter;
import dev.portcullis.auth.internal.SignInCsrfTokens;
import dev.portcullis.auth.internal.ThrottlingAuthenticationProvider;
import dev.portcullis.auth.internal.UserAdmins;
import dev.portcullis.auth.internal.LoginThrottle;

/**
 * Sign-in for the admin: users and roles in the database, Argon2id hashes, the Vaadin login view and the
 * security filter chain that guards {@code portcullis.admin.path}.
 */
@AutoConfiguration(
        after = {AdminAutoConfiguration.class, PasswordAutoConfiguration.class},
        beforeName = {
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@EnableConfigurationProperties({BootstrapProperties.class, LoginThrottleProperties.class, SessionProperties.class,
        AccountMailProperties.class})
public final class AuthAutoConfiguration {

    /** Order of the admin chain: before any catch-all chain an application may define. */
    public static final int ADMIN_FILTER_CHAIN_ORDER = 10;

    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder portcullisPasswordEncoder() {
        // Argon2id with OWASP's parameters: 19 MiB memory, 2 iterations, 1 lane. Older formats (bcrypt, pbkdf2)
        // are still verified and upgraded to this at the next successful sign-in.
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
        Map<String, PasswordEncoder> encoders = Map.of(
                "argon2", argon2,
                "bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(),
                "pbkdf2@SpringSecurity_v5_8",
                org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    /**
     * The randomness of every secret Portcullis makes, injected by its name only: a host's own {@code SecureRandom}
     * bean changes nothing here. Replace it (a seeded one in a test) with a bean of the same name.
     */
    @Bean(name = "portcullisSecureRandom", defaultCandidate = false)
    @ConditionalOnMissingBean(name = "portcullisSecureRandom")
    SecureRandom portcullisSecureRandom() {
        return new SecureRandom();
    }

    /** Sign-in's tables join the application's persistence unit; its own entity scan stays as it is. */
    @Bean
    dev.portcullis.admin.PortcullisEntities portcullisAuthEntities() {
        return dev.portcullis.admin.PortcullisEntities.of(AdminUser.class, AdminRole.class, AdminSession.class,
                LoginThrottle.class, LoginLock.class);
    }

    @Bean
    AdminUserRepository portcullisAdminUserRepository(jakarta.persistence.EntityManager em) {
        return new AdminUserRepository(em);
    }

    @Bean
    AdminUserDetailsService portcullisUserDetailsService(AdminUserRepository users) {
        return new AdminUserDetailsService(users);
    }

    @Bean
    @ConditionalOnMissingBean
    AdminUserService portcullisAdminUserService(AdminUserRepository users, PasswordEncoder encoder,
            PasswordPolicy policy, @Qualifier("portcullisClock") Clock clock, SessionTracker sessions,
            AccountNotifier notifier,
            ObjectProvider<dev.portcullis.admin.AdminHistory> history) {
        return new AdminUserService(users, encoder, policy, clock, sessions, notifier, history);
    }

    @Bean
    @ConditionalOnMissingBean
    AccountNotifier portcullisAccountNotifier(
            ObjectProvider<org.springframework.mail.javamail.JavaMailSender> mail, AdminProperties admin,
            AccountMailProperties properties, @Qualifier("portcullisClock") Clock clock) {
        return new AccountNotifier(mail, admin, properties.getFrom(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    SessionTracker portcullisSessionTracker(jakarta.persistence.EntityManager em, SessionProperties properties,
            @Qualifier("portcullisClock") Clock clock) {
        return new SessionTracker(em, properties, clock);
    }

    @Bean
    ModelAdmin<AdminSession> portcullisSessionAdmin(SessionTracker sessions) {
        return new UserAdmins.Sessions(sessions);
    }

    @Bean
    BootstrapAdmin portcullisBootstrapAdmin(AdminUserService users, BootstrapProperties properties,
            @Qualifier("portcullisSecureRandom") SecureRandom random) {
        return new BootstrapAdmin(users, properties, random);
    }

    @Bean
    ApplicationListener<AuthenticationSuccessEvent> portcullisSignInRecorder(AdminUserService users) {
        return event -> {
            if (!(event.getAuthentication() instanceof PendingSignIn)) {
                users.recordSignIn(event.getAuthentication().getName());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(dev.portcullis.admin.LanguagePreference.class)
    dev.portcullis.admin.LanguagePreference portcullisLanguagePreference(AdminUserService users) {
        return new dev.portcullis.auth.internal.StoredLanguagePreference(users);
    }

    @Bean
    dev.portcullis.admin.AdminMenuContributor portcullisAccountMenu() {
        return () -> java.util.List.of(
                dev.portcullis.admin.AdminMenuItem.userMenu("auth.menu.change-password", "change-password", 10),
                dev.portcullis.admin.AdminMenuItem.userMenu("auth.menu.my-sessions", "my-sessions", 20));
    }

    @Bean
    @ConditionalOnMissingBean
    LoginThrottleService portcullisLoginThrottle(jakarta.persistence.EntityManager em, LoginThrottleProperties properties,
            @Qualifier("portcullisClock") Clock clock) {
        return new LoginThrottleService(em, properties, clock);
    }

    @Bean
    ModelAdmin<LoginLock> portcullisLoginLockAdmin(LoginThrottleService throttle) {
        return new UserAdmins.Locks(throttle);
    }

    @Bean
    ModelAdmin<AdminUser> portcullisUserAdmin(jakarta.persistence.EntityManager em) {
        return new UserAdmins.Users(em);
    }

    @Bean
    ModelAdmin<AdminRole> portcullisRoleAdmin(ObjectProvider<dev.portcullis.admin.model.AdminRegistry> registry,
            jakarta.persistence.EntityManager em) {
        return new UserAdmins.Roles(registry, em);
    }

    @Bean
    @ConditionalOnMissingBean
    SecondFactorSignIn portcullisSecondFactorSignIn(LoginThrottleService throttle,
            org.springframework.context.ApplicationEventPublisher events,
            @Qualifier("portcullisClock") Clock clock) {
        return new SecondFactorSignIn(throttle, events, clock);
    }

    @Bean
    ForcedPasswordChangeGuard portcullisForcedPasswordChangeGuard() {
        return new ForcedPasswordChangeGuard();
    }

    /** The web part; absent when the application runs without a web server (e.g. a command-line check). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class AdminWebSecurity {

        /** Records every signed-in request and ends sessions that have ended elsewhere or timed out. */
        @Bean
        org.springframework.boot.web.servlet.FilterRegistrationBean<SessionTrackingFilter> portcullisSessionTracking(
                ObjectProvider<SessionTracker> sessions, AdminProperties admin) {
            var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                    new SessionTrackingFilter(sessions, admin.getPath()));
            registration.addUrlPatterns(admin.getPath() + "/*");
            registration.setOrder(1); // after Spring Security, which puts the signed-in user in place
            return registration;
        }

        /**
         * Guards everything under the admin path. Vaadin's configurer permits its own resources and the login
         * view, requires sign-in for every other route, and denies anything else.
         */
        @Bean
        @Order(ADMIN_FILTER_CHAIN_ORDER)
        @ConditionalOnMissingBean(name = "portcullisAdminFilterChain")
        SecurityFilterChain portcullisAdminFilterChain(HttpSecurity http, AdminProperties admin,
                AdminUserDetailsService userDetailsService, PasswordEncoder encoder, LoginThrottleService throttle,
                ObjectProvider<SecondFactorPolicy> secondFactor, @Qualifier("portcullisClock") Clock clock,
                com.vaadin.flow.spring.security.RequestUtil vaadinRequests) throws Exception {
            String path = admin.getPath();
            http.securityMatcher(path, path + "/**");
            DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetailsService);
            passwords.setPasswordEncoder(encoder);
            passwords.setUserDetailsPasswordService(userDetailsService);
            http.authenticationProvider(new ThrottlingAuthenticationProvider(passwords, throttle,
                    secondFactor.getIfAvailable(() -> user -> java.util.Optional.empty()), clock));
            // No parent manager: Spring Security's global one (built from the same user details and encoder) would
            // otherwise check every refused password a second time, outside the throttle.
            http.getSharedObject(org.springframework.security.config.annotation.authentication.builders
                    .AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
            // One answer for every failure; a throttled attempt says only that it was throttled.
            // The login page is named here as well as by Vaadin's configurer below: this customizer runs first, and
            // without it the entry point for browsers would send them to /login at the site root.
            http.formLogin(form -> form.loginPage(path + "/login").loginProcessingUrl(path + "/login")
                    .failureHandler((request, response, failure) -> response.sendRedirect(
                    request.getContextPath() + path + "/login?error" + (failure instanceof LockedException
                            ? "&" + LoginView.THROTTLED : ""))));
            http.logout(logout -> logout.logoutUrl(path + "/logout").addLogoutHandler((request, response, auth) -> {
                // Signing out ends the session's record too: the list shows it ended, not merely idle.
                jakarta.servlet.http.HttpSession session = request.getSession(false);
                if (session != null) {
                    http.getSharedObject(org.springframework.context.ApplicationContext.class)
                            .getBeanProvider(SessionTracker.class).ifAvailable(t -> t.signedOut(session.getId()));
                }
            }));
            // Lumo's stylesheets, served under the admin path by the admin's assets filter.
            http.authorizeHttpRequests(requests -> requests.requestMatchers(path + "/lumo/**", path + "/favicon.svg")
                    .permitAll());
            // Vaadin's configurer would exempt the sign-in POST from CSRF checks, letting any site sign a browser
            // in (or drive guesses through it). Only Vaadin's own channel, which carries Vaadin's token, is exempt;
            // the sign-in form sends Spring's token from the meta tags Vaadin renders on the page.
            // Matched as Spring Security matches the sign-in itself, so no spelling of the path slips past.
            var signInOrOut = new org.springframework.security.web.util.matcher.OrRequestMatcher(
                    PathPatternRequestMatcher.withDefaults().matcher(path + "/login"),
                    PathPatternRequestMatcher.withDefaults().matcher(path + "/logout"));
            http.csrf(csrf -> csrf.csrfTokenRequestHandler(new SignInCsrfTokens())
                    .ignoringRequestMatchers(request -> vaadinRequests.isFrameworkInternalRequest(request)
                    && !signInOrOut.matches(request)));
            http.with(VaadinSecurityConfigurer.vaadin(),
                    vaadin -> vaadin.loginView(LoginView.class, path + "/login").enableCsrfConfiguration(false));
            return http.build();
        }
    }

    /** security.W050: a superuser still on the password set at creation (the bootstrap one among them). */
    @Bean
    dev.portcullis.checks.Check portcullisUnchangedPasswordCheck(jakarta.persistence.EntityManager em) {
        return dev.portcullis.checks.Check.external("security", () -> AuthChecks.unchangedPasswords(em));
    }

    /** security.W057: the first superuser still on the password from the environment. */
    @Bean
    dev.portcullis.checks.Check portcullisEnvironmentPasswordCheck(jakarta.persistence.EntityManager em,
            BootstrapProperties bootstrap, PasswordEncoder encoder) {
        return dev.portcullis.checks.Check.external("security",
                () -> AuthChecks.environmentPassword(em, bootstrap, encoder));
    }

    /** security.W051, W052: sign-in throttling off or weak. */
    @Bean
    dev.portcullis.checks.Check portcullisLockoutCheck(LoginThrottleProperties properties) {
        return dev.portcullis.checks.Check.deploy("security", () -> AuthChecks.lockout(properties));
    }

    /** security.W053: sessions that outlive ASVS's limits. */
    @Bean
    dev.portcullis.checks.Check portcullisSessionLifetimeCheck(SessionProperties properties) {
        return dev.portcullis.checks.Check.deploy("security", () -> AuthChecks.sessionLifetimes(properties));
    }
}
