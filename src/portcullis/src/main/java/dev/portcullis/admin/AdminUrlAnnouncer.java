package dev.portcullis.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Prints where the admin is once the web server is up, so a newcomer knows where to sign in.
 */
class AdminUrlAnnouncer implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(AdminUrlAnnouncer.class);

    private final AdminProperties properties;

    AdminUrlAnnouncer(AdminProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return; // a management or child context, not the application's own server
        }
        log.info("Portcullis admin is at http://localhost:{}{}/", event.getWebServer().getPort(), properties.getPath());
    }
}
