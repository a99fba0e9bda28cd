package dev.portcullis.checks.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Recognises {@code java -jar app.jar check ...} and prepares a run without a web server: no port is opened, the
 * database is not migrated (so pending migrations can be reported) and start-up logging is quiet and goes to
 * standard error, so standard output is the report alone. Any Spring Boot application that includes Portcullis
 * gets the command; its {@code main} stays a plain
 * {@code SpringApplication.run}.
 */
public class CheckCommandEnvironment implements EnvironmentPostProcessor {

    /** Set to true while the check command runs. */
    public static final String ACTIVE = "portcullis.checks.command";

    /** Logback configuration for the command: Spring Boot's console format, on standard error. */
    static final String LOGGING_CONFIG = "classpath:dev/portcullis/checks/check-command-logback.xml";
    private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    static final List<String> WEB_ONLY_AUTO_CONFIGURATIONS = List.of(
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String nonOptionArgs = environment.getProperty("nonOptionArgs", "");
        if (!List.of(nonOptionArgs.split(",")).contains(CheckCommand.COMMAND)) {
            return;
        }
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(ACTIVE, "true");
        settings.put("spring.main.web-application-type", "none");
        // Validating the schema would fail on a database with pending migrations before we could report them.
        settings.put("spring.jpa.hibernate.ddl-auto", "none");
        // Vaadin's auto-configuration expects a web application context even when there is no web server.
        String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
        settings.put("spring.autoconfigure.exclude", (excluded.isBlank() ? "" : excluded + ",")
                + String.join(",", WEB_ONLY_AUTO_CONFIGURATIONS));
        if (environment.getProperty("logging.level.root") == null) {
            settings.put("logging.level.root", "warn");
        }
        // Standard output carries the report alone, so that 'check --json | jq .' works: logs go to standard error,
        // no banner, no SQL echo. (This runs before Spring Boot sets up logging.)
        if (environment.getProperty("logging.config") == null && ClassUtils.isPresent(LOGBACK, null)) {
            settings.put("logging.config", LOGGING_CONFIG);
        }
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.jpa.show-sql", "false");
        environment.getPropertySources().addFirst(new MapPropertySource("portcullisCheckCommand", settings));
    }
}
