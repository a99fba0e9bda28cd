package dev.portcullis;

import java.util.UUID;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.example.host.HostApplication;

/**
 * A host application as the auto-configuration sees it, without a web server: {@code @EnableAutoConfiguration} in a
 * package of its own (so every auto-configuration on the classpath, Portcullis's and Spring Boot's, after the host's
 * beans), an in-memory H2 database of its own per runner, and the settings a test host needs. Tests add their own
 * beans with {@code withUserConfiguration} and properties with {@code withPropertyValues}.
 */
public final class PortcullisContextRunner {

    private PortcullisContextRunner() {
    }

    /** A runner on a fresh in-memory database. */
    public static ApplicationContextRunner create() {
        return new ApplicationContextRunner()
                .withUserConfiguration(HostApplication.class)
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "spring.jpa.hibernate.ddl-auto=validate",
                        "portcullis.https.enabled=false",
                        "portcullis.two-factor.required-for=",
                        // Vaadin's auto-configuration needs a web application context, as the check command knows.
                        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
    }
}
