package dev.portcullis.checks.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import dev.portcullis.checks.CheckMessage;

/**
 * Deploy checks of Spring Boot and Vaadin settings, read from the environment by name so that this package needs no
 * other Portcullis feature. Each method is one check and returns its findings.
 */
public final class SettingsChecks {

    /** ASVS V3.3.2: re-authenticate after 30 minutes of inactivity. */
    static final Duration MAX_SERVLET_SESSION = Duration.ofMinutes(30);

    static final String DEVTOOLS = "org.springframework.boot.devtools.restart.Restarter";
    static final String ACTUATOR = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";

    private static final Set<String> OLD_TLS = Set.of("SSLV2HELLO", "SSLV3", "TLSV1", "TLSV1.1");

    private final Environment environment;
    private final Binder binder;
    private final Predicate<String> onClasspath;

    public SettingsChecks(Environment environment) {
        this(environment, name -> ClassUtils.isPresent(name, SettingsChecks.class.getClassLoader()));
    }

    /** @param onClasspath whether a class is present (tests pretend DevTools or Actuator is there) */
    public SettingsChecks(Environment environment, Predicate<String> onClasspath) {
        this.environment = environment;
        this.binder = Binder.get(environment);
        this.onClasspath = onClasspath;
    }

    private <T> T get(String name, Class<T> type, T otherwise) {
        return binder.bind(name, Bindable.of(type)).orElse(otherwise);
    }

    public List<CheckMessage> vaadinProductionMode() {
        if (get("vaadin.production-mode", Boolean.class, false)) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W041", "vaadin.productionMode",
                "Vaadin runs in development mode: it serves its dev tools and detailed error pages to browsers.",
                "Set vaadin.productionMode=true and build with ./mvnw -Pproduction package."));
    }

    public List<CheckMessage> errorDetails() {
        List<String> leaks = new ArrayList<>();
        for (String name : List.of("include-stacktrace", "include-message", "include-binding-errors")) {
            String value = get("server.error." + name, String.class, "never");
            if (!"never".equalsIgnoreCase(value)) {
                leaks.add("server.error." + name + "=" + value.toLowerCase(Locale.ROOT));
            }
        }
        if (get("server.error.include-exception", Boolean.class, false)) {
            leaks.add("server.error.include-exception=true");
        }
        if (leaks.isEmpty()) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W042", "server.error",
                "Error responses can include debug details (" + String.join(", ", leaks)
                        + "): stack traces and exception messages tell an attacker what runs inside.",
                "Set server.error.include-stacktrace, include-message and include-binding-errors to never and"
                        + " include-exception to false."));
    }

    public List<CheckMessage> h2Console() {
        if (!get("spring.h2.console.enabled", Boolean.class, false)) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W043", "spring.h2.console.enabled",
                "The H2 web console is enabled: whoever reaches it can read and change the database.",
                "Set spring.h2.console.enabled=false."));
    }

    public List<CheckMessage> devtools() {
        if (!onClasspath.test(DEVTOOLS)) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W044", "spring-boot-devtools",
                "Spring Boot DevTools is on the classpath: it restarts the application on changes and can open a"
                        + " remote-update endpoint.",
                "Declare spring-boot-devtools as <optional>true</optional> (Maven) or developmentOnly (Gradle) so it"
                        + " stays out of the packaged jar."));
    }

    public List<CheckMessage> actuatorExposure() {
        if (!onClasspath.test(ACTUATOR)) {
            return List.of();
        }
        List<String> exposed = binder.bind("management.endpoints.web.exposure.include", Bindable.listOf(String.class))
                .orElse(List.of("health"));
        List<String> beyondHealth = exposed.stream().map(String::strip).filter(e -> !e.equals("health")).toList();
        if (beyondHealth.isEmpty()) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W045", "management.endpoints.web.exposure.include",
                "Actuator exposes more than health over HTTP (" + String.join(", ", beyondHealth)
                        + "): env, heapdump, loggers and others reveal secrets or change the running application.",
                "Expose only health (management.endpoints.web.exposure.include=health), or serve the others on a"
                        + " separate management port that only operators reach (management.server.port)."));
    }

    public List<CheckMessage> servletSessionTimeout() {
        Duration timeout = get("server.servlet.session.timeout", Duration.class, Duration.ofMinutes(30));
        if (timeout.compareTo(MAX_SERVLET_SESSION) <= 0) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W054", "server.servlet.session.timeout",
                "HTTP sessions live " + timeout.toMinutes() + " minutes without activity; an unattended signed-in"
                        + " browser stays usable that long.",
                "Set server.servlet.session.timeout=30m or less (ASVS 3.3.2)."));
    }

    public List<CheckMessage> tlsVersions() {
        List<String> protocols = binder.bind("server.ssl.enabled-protocols", Bindable.listOf(String.class))
                .orElse(List.of());
        List<String> old = protocols.stream().filter(p -> OLD_TLS.contains(p.strip().toUpperCase(Locale.ROOT)))
                .toList();
        String protocol = get("server.ssl.protocol", String.class, "TLS");
        if (OLD_TLS.contains(protocol.toUpperCase(Locale.ROOT))) {
            old = new ArrayList<>(old);
            old.add(protocol);
        }
        if (old.isEmpty()) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W055", "server.ssl.enabled-protocols",
                "TLS versions below 1.2 are enabled (" + String.join(", ", old) + "); they have known weaknesses"
                        + " and browsers no longer use them.",
                "Set server.ssl.enabled-protocols=TLSv1.3,TLSv1.2."));
    }

    public List<CheckMessage> showSql() {
        Map<String, String> levels = logLevels();
        boolean showSql = get("spring.jpa.show-sql", Boolean.class, false);
        boolean sqlLogging = isDebug(levels.get("org.hibernate.sql")) || isDebug(levels.get("org.hibernate.orm.jdbc.bind"));
        if (!showSql && !sqlLogging) {
            return List.of();
        }
        return List.of(CheckMessage.warning("config.W001", "spring.jpa.show-sql",
                "SQL statements are written to the log" + (showSql ? " (spring.jpa.show-sql=true)"
                        : " (logging.level.org.hibernate.SQL at debug)") + "; with bound values they carry personal"
                        + " data and password hashes into log files.",
                "Set spring.jpa.show-sql=false and log org.hibernate.SQL at warn or above."));
    }

    public List<CheckMessage> debugLogging() {
        List<String> noisy = new ArrayList<>();
        if (get("debug", Boolean.class, false)) {
            noisy.add("debug=true");
        }
        if (get("trace", Boolean.class, false)) {
            noisy.add("trace=true");
        }
        logLevels().forEach((logger, level) -> {
            if (isDebug(level) && (logger.equals("root") || logger.startsWith("org.springframework")
                    || logger.startsWith("dev.portcullis") || logger.startsWith("com.vaadin"))) {
                noisy.add("logging.level." + logger + "=" + level.toLowerCase(Locale.ROOT));
            }
        });
        if (noisy.isEmpty()) {
            return List.of();
        }
        return List.of(CheckMessage.warning("config.W002", "logging.level",
                "Debug logging is on (" + String.join(", ", noisy) + "): it records requests, headers and"
                        + " session details, and fills the disk.",
                "Log at info or above in production."));
    }

    public List<CheckMessage> devProfile() {
        if (!environment.matchesProfiles("dev")) {
            return List.of();
        }
        return List.of(CheckMessage.warning("config.W003", "spring.profiles.active",
                "The dev profile is active: development settings (demo data, development mode, a local H2 file)"
                        + " are meant for a developer's machine.",
                "Start with --spring.profiles.active=prod (or no profile: prod is the default)."));
    }

    public List<CheckMessage> mailConfigured() {
        if (!get("spring.mail.host", String.class, "").isBlank()) {
            String from = get("portcullis.mail.from", String.class, "portcullis@localhost");
            if (from.endsWith("@localhost")) {
                return List.of(CheckMessage.warning("mail.W002", "portcullis.mail.from",
                        "Account e-mails are sent from '" + from + "'; mail servers reject or bury a local sender.",
                        "Set portcullis.mail.from to an address of your own domain."));
            }
            return List.of();
        }
        return List.of(CheckMessage.warning("mail.W001", "spring.mail.host",
                "No mail server is configured: users are not told of password changes and nobody is alerted when"
                        + " the honeypot catches someone.",
                "Set spring.mail.host (and spring.mail.username / password) to your SMTP relay."));
    }

    private Map<String, String> logLevels() {
        Map<String, String> levels = new TreeMap<>();
        binder.bind("logging.level", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()).forEach((logger, level) -> levels.put(logger.toLowerCase(Locale.ROOT), level));
        return levels;
    }

    private static boolean isDebug(String level) {
        return level != null && (level.equalsIgnoreCase("debug") || level.equalsIgnoreCase("trace")
                || level.equalsIgnoreCase("all"));
    }
}
