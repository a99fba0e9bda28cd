package dev.portcullis.admin.ui.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import dev.portcullis.admin.internal.AdminPageTitles;

/**
 * Puts the environment into the page head before any view renders: the tinted favicon and a title prefixed with
 * the environment's name. Each view then sets its own title through {@link AdminPageTitles}.
 */
public class EnvironmentIndexHtml implements VaadinServiceInitListener {

    private final AdminPageTitles titles;

    public EnvironmentIndexHtml(AdminPageTitles titles) {
        this.titles = titles;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            var head = response.getDocument().head();
            head.getElementsByAttributeValue("rel", "icon").remove();
            head.appendElement("link").attr("rel", "icon").attr("type", "image/svg+xml").attr("href", "favicon.svg");
            response.getDocument().title(titles.of(null));
        });
    }
}
