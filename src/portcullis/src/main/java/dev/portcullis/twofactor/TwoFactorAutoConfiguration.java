package dev.portcullis.twofactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import dev.portcullis.admin.AdminDashboardWidget;
import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.AdminMenuContributor;
import dev.portcullis.admin.AdminMenuItem;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.auth.AccountNotifier;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.AuthAutoConfiguration;
import dev.portcullis.auth.internal.LoginThrottleService;
import dev.portcullis.auth.SecondFactorPolicy;
import dev.portcullis.auth.internal.SecondFactorSignIn;
import dev.portcullis.auth.internal.SessionTracker;
import dev.portcullis.checks.Check;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.environment.SecretKeyProperties;

import jakarta.persistence.EntityManager;
import dev.portcullis.twofactor.internal.RecoveryCodes;
import dev.portcullis.twofactor.internal.SecondFactorVerifier;
import dev.portcullis.twofactor.internal.SecretBox;
import dev.portcullis.twofactor.internal.TextMessageCodes;
import dev.portcullis.twofactor.internal.TotpCodes;
import dev.portcullis.twofactor.internal.TwoFactorEnrolment;
import dev.portcullis.twofactor.internal.TwoFactorGuard;
import dev.portcullis.twofactor.internal.TwoFactorPolicy;
import dev.portcullis.twofactor.internal.TwoFactorReset;
import dev.portcullis.twofactor.internal.TwoFactorService;
import dev.portcullis.twofactor.internal.RecoveryCode;
import dev.portcullis.twofactor.internal.TwoFactorSecret;

/** Two-factor sign-in: the service, the step after the password, the wizard and its guard, and its checks. */
@AutoConfiguration(after = AuthAutoConfiguration.class,
        beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnBooleanProperty(name = "portcullis.two-factor.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TwoFactorProperties.class)
public final class TwoFactorAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwoFactorAutoConfiguration.class);

    /** Where a development machine without {@code portcullis.secret-key} keeps a generated one. */
    static final Path DEVELOPMENT_KEY = Path.of("data", "portcullis-secret-key");

    /** Two-factor's tables join the application's persistence unit; unmapped when the feature is off. */
    @Bean
    dev.portcullis.admin.PortcullisEntities portcullisTwoFactorEntities() {
        return dev.portcullis.admin.PortcullisEntities.of(TwoFactorSecret.class, RecoveryCode.class);
    }

    @Bean
    SecretBox portcullisSecretBox(SecretKeyProperties keys,
            @Qualifier("portcullisSecureRandom") SecureRandom random) {
        String current = keys.getSecretKey();
        if (current == null || current.isBlank()) {
            // Production refuses to start without a key (environment.E005); elsewhere a generated one keeps the
            // first run free of setup, and survives restarts so enrolled authenticators keep working.
            current = developmentKey(random);
        }
        return SecretBox.fromBase64(current, keys.getPreviousSecretKeys(), random);
    }

    @Bean
    TotpCodes portcullisTotpCodes(EntityManager em, SecretBox box, @Qualifier("portcullisClock") Clock clock) {
        return new TotpCodes(em, box, clock);
    }

    @Bean
    RecoveryCodes portcullisRecoveryCodes(EntityManager em, SecretBox box,
            @Qualifier("portcullisSecureRandom") SecureRandom random, @Qualifier("portcullisClock") Clock clock,
            TwoFactorProperties properties) {
        return new RecoveryCodes(em, box, random, clock, properties);
    }

    @Bean
    TextMessageCodes portcullisTextMessageCodes(EntityManager em, SecretBox box,
            @Qualifier("portcullisSecureRandom") SecureRandom random, @Qualifier("portcullisClock") Clock clock,
            TwoFactorProperties properties, AdminProperties admin,
            org.springframework.beans.factory.ObjectProvider<SmsSender> sms) {
        if (properties.getSms().isEnabled() && sms.getIfAvailable() == null) {
            log.warn("portcullis.two-factor.sms.enabled is true but there is no SmsSender bean: text-message codes are"
                    + " not offered");
        }
        return new TextMessageCodes(em, box, random, clock, properties, issuer(properties, admin), sms.getIfAvailable());
    }

    @Bean
    SecondFactorVerifier portcullisSecondFactorVerifier(EntityManager em, LoginThrottleService throttle,
            AdminUserService users, TotpCodes totp, TextMessageCodes textMessages, RecoveryCodes recoveryCodes) {
        return new SecondFactorVerifier(em, throttle, users, totp, textMessages, recoveryCodes);
    }

    @Bean
    TwoFactorEnrolment portcullisTwoFactorEnrolment(EntityManager em, SecretBox box,
            @Qualifier("portcullisSecureRandom") SecureRandom random, @Qualifier("portcullisClock") Clock clock,
            TwoFactorProperties properties, AdminProperties admin, SecondFactorVerifier verifier,
            TextMessageCodes textMessages, RecoveryCodes recoveryCodes) {
        return new TwoFactorEnrolment(em, box, random, clock, issuer(properties, admin), verifier, textMessages,
                recoveryCodes);
    }

    @Bean
    TwoFactorReset portcullisTwoFactorReset(EntityManager em, TwoFactorProperties properties,
            SecondFactorVerifier verifier, RecoveryCodes recoveryCodes, AdminUserService users,
            SessionTracker sessions, AccountNotifier notifier,
            org.springframework.beans.factory.ObjectProvider<dev.portcullis.admin.AdminHistory> history) {
        return new TwoFactorReset(em, properties, verifier, recoveryCodes, users, sessions, notifier,
                history.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    TwoFactorService portcullisTwoFactorService(TwoFactorProperties properties, SecondFactorVerifier verifier,
            TextMessageCodes textMessages, TwoFactorEnrolment enrolment, TwoFactorReset reset) {
        return new TwoFactorService(properties, verifier, textMessages, enrolment, reset);
    }

    /** The name authenticator apps list the account under and text messages sign with. */
    private static String issuer(TwoFactorProperties properties, AdminProperties admin) {
        return properties.getIssuer() == null || properties.getIssuer().isBlank()
                ? admin.getSiteName() : properties.getIssuer();
    }

    @Bean
    @ConditionalOnMissingBean
    SecondFactorPolicy portcullisSecondFactorPolicy(TwoFactorService service) {
        return new TwoFactorPolicy(service);
    }

    @Bean
    TwoFactorGuard portcullisTwoFactorGuard(SecondFactorSignIn signIn, TwoFactorService service,
            TwoFactorProperties properties) {
        return new TwoFactorGuard(signIn, service, properties);
    }

    @Bean
    AdminMenuContributor portcullisTwoFactorMenu() {
        return () -> List.of(AdminMenuItem.userMenu("twofactor.title", "two-factor/manage", 15));
    }

    /** Superusers and user managers see how many staff users still sign in with a password alone. */
    @Bean
    AdminDashboardWidget portcullisStaffWithoutTwoFactorWidget(TwoFactorService service) {
        return user -> {
            if (!AdminPermissions.grants(user, "user:view")) {
                return Optional.empty();
            }
            long count = service.staffWithoutTwoFactor();
            Div panel = new Div(new H3(Messages.get("twofactor.title")));
            panel.setId("staff-without-two-factor");
            if (count == 0) {
                panel.add(new Paragraph(Messages.get("twofactor.dashboard.all")));
            } else {
                panel.add(new Paragraph(Messages.get("twofactor.dashboard.without", count)),
                        new Anchor("user?staff=true&twoFactorEnabled=false&active=true",
                                Messages.get("twofactor.dashboard.show")));
            }
            return Optional.of(panel);
        };
    }

    @Bean
    Check portcullisTwoFactorRequiredCheck(TwoFactorProperties properties) {
        return Check.deploy("security", () -> properties.getRequiredFor().contains("ROLE_STAFF") ? List.of()
                : List.of(CheckMessage.warning("twofactor.W001", "portcullis.two-factor.required-for",
                        "Two-factor sign-in is not required for staff users (required for: "
                                + (properties.getRequiredFor().isEmpty() ? "nobody" : properties.getRequiredFor()) + ").",
                        "Set portcullis.two-factor.required-for to ROLE_STAFF.")));
    }

    @Bean
    Check portcullisStaffWithoutTwoFactorCheck(TwoFactorService service, TwoFactorProperties properties) {
        return Check.external("security", () -> {
            long count = service.staffWithoutTwoFactor();
            // The advice depends on whether it is already required: then they are made to set it up anyway.
            String hint = properties.getRequiredFor().contains("ROLE_STAFF")
                    ? "It is required for staff, so they set it up at their next sign-in; sessions they signed in"
                            + " before it was required run until they end (end them under Sessions if that cannot wait)."
                    : "Require it (portcullis.two-factor.required-for) so they set it up at their next sign-in,"
                            + " or ask them to set it up under Two-factor sign-in in their user menu.";
            return count == 0 ? List.of()
                    : List.of(CheckMessage.warning("twofactor.W002", "users", count
                            + (count == 1 ? " active staff user has" : " active staff users have")
                            + " not set up two-factor sign-in.", hint));
        });
    }

    @Bean
    Check portcullisTextMessageCheck(TwoFactorService service) {
        return Check.deploy("security", () -> !service.textMessagesAvailable() ? List.of()
                : List.of(CheckMessage.warning("twofactor.W003", "portcullis.two-factor.sms.enabled",
                        "Text-message codes are offered as a second factor; they can be intercepted, and a SIM swap "
                                + "takes the phone number over.",
                        "Prefer authenticator apps: set portcullis.two-factor.sms.enabled=false once nobody needs it.")));
    }

    private static String developmentKey(SecureRandom random) {
        try {
            if (Files.exists(DEVELOPMENT_KEY)) {
                return Files.readString(DEVELOPMENT_KEY, StandardCharsets.US_ASCII).strip();
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(DEVELOPMENT_KEY.getParent());
            Files.writeString(DEVELOPMENT_KEY, encoded + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(DEVELOPMENT_KEY, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions.
            }
            log.warn("No portcullis.secret-key is set: generated a development key in {}. Production needs "
                    + "PORTCULLIS_SECRET_KEY (openssl rand -base64 32).", DEVELOPMENT_KEY.toAbsolutePath());
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep a development secret key in " + DEVELOPMENT_KEY, e);
        }
    }
}
