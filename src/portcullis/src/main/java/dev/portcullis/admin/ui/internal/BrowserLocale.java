package dev.portcullis.admin.ui.internal;

import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Gives each admin UI the browser's locale, so dates, times and numbers read and parse the way the user writes
 * them ("31.12.2024" in Germany, "12/31/2024" in the US). Vaadin otherwise uses the server's locale unless an
 * {@link I18NProvider} offers languages; when one does, its choice stands.
 */
public final class BrowserLocale implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            I18NProvider provider = event.getSource().getInstantiator().getI18NProvider();
            if (provider != null && !provider.getProvidedLocales().isEmpty()) {
                return;
            }
            VaadinRequest request = VaadinRequest.getCurrent();
            Locale locale = request == null ? null : request.getLocale();
            if (locale != null && !locale.getLanguage().isEmpty()) {
                init.getUI().setLocale(locale);
            }
        });
    }
}
