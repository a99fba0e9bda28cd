package dev.portcullis.perimeter.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Gives every script of Vaadin's bootstrap page the nonce of the response's Content-Security-Policy, so its inline
 * start-up scripts run while any script injected into the page does not.
 */
public class VaadinScriptNonces implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            Object nonce = response.getVaadinRequest().getAttribute(ContentSecurityPolicy.NONCE_ATTRIBUTE);
            if (nonce instanceof String value) {
                response.getDocument().getElementsByTag("script").attr("nonce", value);
            }
        });
    }
}
