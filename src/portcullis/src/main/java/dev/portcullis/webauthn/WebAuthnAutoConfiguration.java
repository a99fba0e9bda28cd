package dev.portcullis.webauthn;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import dev.portcullis.admin.AdminDashboardWidget;
import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.internal.LoginThrottleService;
import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.auth.SignInAlternative;
import dev.portcullis.checks.Check;
import dev.portcullis.perimeter.AdminAccessProperties;
import dev.portcullis.twofactor.SecondFactorMethod;
import dev.portcullis.twofactor.TwoFactorAutoConfiguration;
import dev.portcullis.twofactor.internal.TwoFactorService;

import jakarta.persistence.EntityManager;
import dev.portcullis.webauthn.internal.PasskeySignIn;
import dev.portcullis.webauthn.internal.SecurityKeyMethod;
import dev.portcullis.webauthn.internal.WebAuthnChecks;
import dev.portcullis.webauthn.internal.WebAuthnCredential;
import dev.portcullis.webauthn.internal.WebAuthnService;
import dev.portcullis.webauthn.internal.WebAuthnUserHandle;

/** Security keys and passkeys: the service, their place on the two-factor pages, and their checks. */
@AutoConfiguration(after = TwoFactorAutoConfiguration.class,
        beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnBooleanProperty(name = "portcullis.webauthn.enabled", matchIfMissing = true)
@ConditionalOnBean(TwoFactorService.class)
@EnableConfigurationProperties(WebAuthnProperties.class)
public final class WebAuthnAutoConfiguration {

    /** The keys' tables join the application's persistence unit; unmapped when the feature is off. */
    @Bean
    dev.portcullis.admin.PortcullisEntities portcullisWebAuthnEntities() {
        return dev.portcullis.admin.PortcullisEntities.of(WebAuthnCredential.class, WebAuthnUserHandle.class);
    }

    @Bean
    @ConditionalOnMissingBean
    WebAuthnService portcullisWebAuthnService(EntityManager em, WebAuthnProperties properties,
            LoginThrottleService throttle, AdminUserService users, TwoFactorService twoFactor,
            @Qualifier("portcullisClock") Clock clock, @Qualifier("portcullisSecureRandom") SecureRandom random,
            AdminProperties admin) {
        return new WebAuthnService(em, properties, throttle, users, secondFactors(twoFactor), clock, random,
                admin.getSiteName());
    }

    /** How keys join the user's other second factors. */
    static WebAuthnService.SecondFactors secondFactors(TwoFactorService twoFactor) {
        return new WebAuthnService.SecondFactors() {
            @Override
            public List<String> added(long userId) {
                return twoFactor.factorAdded(userId);
            }

            @Override
            public boolean mayRemoveLast(long userId) {
                if (twoFactor.status(userId).enabled()) {
                    return true; // the authenticator app remains
                }
                return !(SecurityContextHolder.getContext().getAuthentication() != null
                        && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof AdminPrincipal self
                        && twoFactor.isRequiredFor(self));
            }

            @Override
            public void removedLast(long userId) {
                twoFactor.otherFactorsRemoved(userId);
            }

            @Override
            public boolean codeMatches(long userId, String code) {
                return twoFactor.codeMatches(userId, code);
            }
        };
    }

    @Bean
    Check portcullisWebAuthnRelyingPartyCheck(WebAuthnProperties properties,
            org.springframework.beans.factory.ObjectProvider<AdminAccessProperties> access) {
        return Check.deploy("security", () -> WebAuthnChecks.relyingParty(properties,
                access.getIfAvailable() == null ? List.of() : access.getIfAvailable().getAllowedHosts()));
    }

    @Bean
    Check portcullisTextMessagesOnlyCheck(WebAuthnService service) {
        return Check.external("security", () -> WebAuthnChecks.textMessagesOnly(service.staffWithTextMessagesOnly()));
    }

    /** Superusers and user managers see how staff sign in: no second factor, a code, a security key. */
    @Bean
    AdminDashboardWidget portcullisStaffSecondFactorsWidget(WebAuthnService service) {
        return user -> {
            if (!AdminPermissions.grants(user, "user:view")) {
                return Optional.empty();
            }
            Map<String, Long> counts = service.staffByMethod();
            Div panel = new Div(new H3(Messages.get("webauthn.dashboard.title")));
            panel.setId("staff-second-factors");
            panel.add(new Paragraph(Messages.get("webauthn.dashboard.counts", counts.get("none"), counts.get("code"),
                    counts.get("key"))));
            long cloned = service.keysWithCloneWarning();
            if (cloned > 0) {
                Paragraph warning = new Paragraph(Messages.get("webauthn.dashboard.cloned", cloned));
                warning.addClassName("pc-warning");
                panel.add(warning);
            }
            return Optional.of(panel);
        };
    }

    @Bean
    @ConditionalOnBooleanProperty("portcullis.webauthn.passwordless")
    SignInAlternative portcullisPasskeySignIn(WebAuthnService service, WebAuthnProperties properties,
            SecondFactorSignIn signIn, UserDetailsService users, AdminProperties admin) {
        return new PasskeySignIn(service, properties, signIn, users, admin.getPath());
    }

    @Bean
    @ConditionalOnMissingBean(SecondFactorMethod.class)
    SecondFactorMethod portcullisSecurityKeyMethod(WebAuthnService service, WebAuthnProperties properties) {
        return new SecurityKeyMethod(service, properties);
    }
}
