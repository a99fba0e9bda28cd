package dev.portcullis.environment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.environment.internal.ErrorPages;
import dev.portcullis.environment.internal.SecretKeyCheck;

/**
 * Which environment this is (name, colours, protection) and the plain error pages that carry its banner. The
 * production guard itself runs earlier, before the application context exists.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@EnableConfigurationProperties({EnvironmentProperties.class, SecretKeyProperties.class})
public final class EnvironmentAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentAutoConfiguration.class);

    /** WCAG 2.1 AA for normal text. */
    static final double MIN_CONTRAST = 4.5;

    @Bean
    @ConditionalOnMissingBean
    EnvironmentInfo portcullisEnvironment(EnvironmentProperties properties, Environment environment) {
        EnvironmentInfo info = EnvironmentInfo.resolve(properties, environment);
        if (info.contrastRatio() < MIN_CONTRAST) {
            log.warn("{}", CheckMessage.warning("environment.W001", "portcullis.environment",
                    String.format("The banner text colour %s on %s has a contrast of %.2f:1, below WCAG AA's 4.5:1.",
                            info.textColor(), info.color(), info.contrastRatio()),
                    "Choose a darker portcullis.environment.color or a contrasting text-color (white on a dark tint)."));
        }
        log.info("Environment: {} ({}{})", info.name(), info.color(), info.protectedEnvironment() ? ", protected" : "");
        return info;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingBean(org.springframework.boot.webmvc.error.ErrorController.class)
    ErrorPages portcullisErrorPages(EnvironmentInfo environment) {
        return new ErrorPages(environment);
    }

    /** security.W040: the secret key is missing or weak (reported in every environment; prod refuses to start). */
    @Bean
    dev.portcullis.checks.Check portcullisSecretKeyCheck(SecretKeyProperties properties) {
        return dev.portcullis.checks.Check.deploy("security", () -> SecretKeyCheck.run(properties));
    }
}
