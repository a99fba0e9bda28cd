package dev.portcullis.admin.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import dev.portcullis.admin.AdminProperties;

/**
 * Prints where the admin is once the web server is up, so a newcomer knows where to sign in.
 */
public class AdminUrlAnnouncer implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(AdminUrlAnnouncer.class);

    private final AdminProperties properties;

    public AdminUrlAnnouncer(AdminProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return; // a management or child context, not the application's own server
        }
        log.info("Portcullis admin is at {}", url(event.getApplicationContext().getEnvironment(),
                event.getWebServer().getPort(), properties.getPath()));
    }

    /** The admin's address on this server: https when the server itself terminates TLS ({@code server.ssl.*}). */
    static String url(Environment environment, int port, String path) {
        // Spring Boot serves TLS exactly when server.ssl is configured at all and not switched off.
        boolean tls = Ssl.isEnabled(Binder.get(environment).bind("server.ssl", Ssl.class).orElse(null));
        return (tls ? "https" : "http") + "://localhost:" + port + path + "/";
    }
}
