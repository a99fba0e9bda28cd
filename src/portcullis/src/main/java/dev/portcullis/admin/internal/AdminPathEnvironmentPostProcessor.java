package dev.portcullis.admin.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import dev.portcullis.admin.AdminProperties;

/**
 * Maps the Vaadin servlet to {@code portcullis.admin.path}, so the admin and everything it serves live under that
 * one path and nothing of it is served at {@code /}. Added last, so an application can still set
 * {@code vaadin.url-mapping} itself (the startup check reports a mismatch).
 */
class AdminPathEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "portcullisAdminDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String path = AdminProperties.validatePath(
                environment.getProperty("portcullis.admin.path", AdminProperties.DEFAULT_PATH));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(
                "vaadin.url-mapping", path + "/*",
                // Vaadin's heartbeat must not keep an idle session alive.
                "vaadin.closeIdleSessions", "true",
                // Never phone home: no usage statistics from any environment.
                "vaadin.devmode.usageStatistics.enabled", "false",
                "spring.jpa.open-in-view", "false")));
    }
}
