package dev.portcullis.environment.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.internal.ChecksFailedException;

/**
 * Refuses to start the {@code prod} profile with a development-only setting switched on, before anything touches
 * the database or opens a port. Each refusal names the setting and the fix. An operator can override a guard in
 * an emergency with {@code portcullis.environment.allow-unsafe=<id>}; every override is logged.
 */
class ProductionGuard implements EnvironmentPostProcessor {

    /** Guard ids, as used by {@code portcullis.environment.allow-unsafe}. */
    static final String H2_CONSOLE = "h2-console";
    static final String DEV_MODE = "dev-mode";
    static final String STACK_TRACES = "stack-traces";
    static final String DEMO_DATA = "demo-data";
    static final String SECRET_KEY = "secret-key";
    static final String ANY_HOST = "any-host";

    private static final Set<String> PLACEHOLDERS = Set.of("changeme", "change-me", "secret", "password", "test",
            "dev", "default", "example");

    private final Log log;

    ProductionGuard(DeferredLogFactory logs) {
        this.log = logs.getLog(ProductionGuard.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles("prod")) {
            return;
        }
        List<String> allowed = List.of(environment.getProperty("portcullis.environment.allow-unsafe", String[].class,
                new String[0]));
        List<CheckMessage> refusals = new ArrayList<>();
        for (Refusal refusal : check(environment)) {
            if (allowed.contains(refusal.guard())) {
                log.warn("PRODUCTION GUARD OVERRIDDEN by portcullis.environment.allow-unsafe=" + refusal.guard() + ": "
                        + refusal.message().message());
            } else {
                refusals.add(refusal.message());
            }
        }
        if (!refusals.isEmpty()) {
            throw new ChecksFailedException("The prod profile is running with development-only settings", refusals);
        }
    }

    /** A development-only setting found in production, and the id that overrides its guard. */
    record Refusal(String guard, CheckMessage message) {
    }

    static List<Refusal> check(ConfigurableEnvironment environment) {
        List<Refusal> problems = new ArrayList<>();
        if (environment.getProperty("spring.h2.console.enabled", Boolean.class, false)) {
            problems.add(refuse("environment.E001", "The H2 web console is enabled (spring.h2.console.enabled=true):"
                    + " anyone who reaches it can read and change the database.",
                    "Set spring.h2.console.enabled=false", H2_CONSOLE));
        }
        if (!environment.getProperty("vaadin.productionMode", Boolean.class, false)) {
            problems.add(refuse("environment.E002", "Vaadin is not in production mode (vaadin.productionMode is not"
                    + " true): development mode serves dev tools and detailed errors.",
                    "Set vaadin.productionMode=true and build with ./mvnw -Pproduction package", DEV_MODE));
        }
        String stackTraces = environment.getProperty("server.error.include-stacktrace", "never");
        String messages = environment.getProperty("server.error.include-message", "never");
        boolean exceptions = environment.getProperty("server.error.include-exception", Boolean.class, false);
        if (!"never".equalsIgnoreCase(stackTraces) || !"never".equalsIgnoreCase(messages) || exceptions) {
            problems.add(refuse("environment.E003", "Error responses may include stack traces or exception messages"
                    + " (server.error.include-stacktrace=" + stackTraces + ", include-message=" + messages
                    + ", include-exception=" + exceptions + ").",
                    "Set server.error.include-stacktrace=never, server.error.include-message=never and"
                            + " server.error.include-exception=false", STACK_TRACES));
        }
        if (environment.getProperty("demo.data.enabled", Boolean.class, false)) {
            problems.add(refuse("environment.E004", "The demo data loader is enabled (demo.data.enabled=true): it"
                    + " writes sample rows into the database.", "Set demo.data.enabled=false", DEMO_DATA));
        }
        String weakness = weakness(environment.getProperty("portcullis.secret-key"));
        if (weakness != null) {
            problems.add(refuse("environment.E005", "The secret key (portcullis.secret-key / PORTCULLIS_SECRET_KEY) "
                    + weakness + ".", "Set PORTCULLIS_SECRET_KEY to the output of 'openssl rand -base64 32'",
                    SECRET_KEY));
        }
        if (servesWeb(environment) && org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("portcullis.admin.allowed-hosts", org.springframework.boot.context.properties.bind.Bindable
                        .listOf(String.class)).orElse(List.of()).stream().allMatch(String::isBlank)) {
            problems.add(refuse("security.E060", "No host names are set (portcullis.admin.allowed-hosts): the admin"
                    + " answers to any Host header, and a forged one can end up in links and caches.",
                    "Set PORTCULLIS_ADMIN_ALLOWED_HOSTS to the admin's host name(s), e.g. admin.example.com",
                    ANY_HOST));
        }
        return problems;
    }

    /**
     * False for {@code java -jar app.jar check ...}, which opens no port and exists to report problems like this
     * one rather than be stopped by them.
     */
    private static boolean servesWeb(ConfigurableEnvironment environment) {
        return !List.of(environment.getProperty("nonOptionArgs", "").split(",")).contains("check");
    }

    /** Why a secret key is not good enough, or null when it is. */
    static String weakness(String key) {
        if (key == null || key.isBlank()) {
            return "is not set";
        }
        if (PLACEHOLDERS.contains(key.strip().toLowerCase(Locale.ROOT))) {
            return "is a placeholder";
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException notBase64) {
            return "is not Base64";
        }
        if (bytes.length < 32) {
            return "has only " + bytes.length + " bytes; it needs at least 32";
        }
        if (java.util.stream.IntStream.range(0, bytes.length).map(i -> bytes[i]).distinct().count() < 8) {
            return "is not random (too few distinct bytes)";
        }
        return null;
    }

    private static Refusal refuse(String id, String message, String fix, String guard) {
        return new Refusal(guard, CheckMessage.error(id, "prod profile", message,
                fix + ". To override in an emergency (logged): portcullis.environment.allow-unsafe=" + guard));
    }
}
