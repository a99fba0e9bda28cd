package dev.portcullis.perimeter.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings Portcullis needs to be safe, as defaults of the lowest precedence: added last, so every setting of
 * the host application (its application.yml, environment variables, command line) wins. A host that undoes one of
 * them is told so by the deploy checks, not overruled.
 */
class SafeDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "portcullisDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            // Error pages tell an attacker nothing about the code.
            "server.error.include-stacktrace", "never",
            "server.error.include-message", "never",
            "server.error.include-binding-errors", "never",
            "server.error.include-exception", "false",
            // The session cookie is out of reach of scripts and of other sites' requests.
            "server.servlet.session.cookie.http-only", "true",
            "server.servlet.session.cookie.same-site", "lax",
            // Nothing lazy-loads while a view renders outside a transaction.
            "spring.jpa.open-in-view", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
        }
    }
}
