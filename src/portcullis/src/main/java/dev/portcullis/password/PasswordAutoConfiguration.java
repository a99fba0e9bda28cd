package dev.portcullis.password;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import dev.portcullis.password.internal.CommonPasswords;
import dev.portcullis.password.internal.PasswordPolicyChecks;

/**
 * The password policy, replaceable by an application's own {@link PasswordPolicy} bean.
 */
@AutoConfiguration
@EnableConfigurationProperties(PasswordPolicyProperties.class)
public final class PasswordAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CommonPasswords portcullisCommonPasswords() {
        return CommonPasswords.load();
    }

    @Bean
    @ConditionalOnMissingBean
    PasswordPolicy portcullisPasswordPolicy(PasswordPolicyProperties properties, CommonPasswords common) {
        return new PasswordPolicy(properties, common);
    }

    /** security.W047-W049: a policy weaker than OWASP ASVS. */
    @Bean
    dev.portcullis.checks.Check portcullisPasswordPolicyCheck(PasswordPolicyProperties properties) {
        return dev.portcullis.checks.Check.deploy("security", () -> PasswordPolicyChecks.run(properties));
    }
}
