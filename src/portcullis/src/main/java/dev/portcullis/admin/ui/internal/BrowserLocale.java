package dev.portcullis.admin.ui.internal;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

import dev.portcullis.admin.LanguagePreference;
import dev.portcullis.i18n.Messages;

/**
 * Gives each admin UI its user's locale, so texts are in their language and dates, times and numbers read and
 * parse the way they write them ("31.12.2024" in Germany, "12/31/2024" in the US).
 *
 * <p>A signed-in user who chose a language in the user menu reads it; the formats stay the browser's when the
 * browser speaks that language (de-CH keeps Swiss dates), else they are the language's usual ones (German: de-DE).
 * Without a choice, and on unsigned pages such as the sign-in page, the browser's locale applies, unless the host
 * has an {@link I18NProvider} offering languages: then Vaadin's choice among them stands. Vaadin otherwise uses
 * the server's locale.
 */
public final class BrowserLocale implements VaadinServiceInitListener, ApplicationContextAware {

    /** The region whose formats a language gets when the browser speaks another language. */
    private static final Map<String, String> DEFAULT_REGIONS = Map.of("en", "US", "de", "DE");

    private @Nullable ObjectProvider<LanguagePreference> preferences;

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.preferences = context.getBeanProvider(LanguagePreference.class);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            I18NProvider provider = event.getSource().getInstantiator().getI18NProvider();
            boolean hostChooses = provider != null && !provider.getProvidedLocales().isEmpty();
            VaadinRequest request = VaadinRequest.getCurrent();
            apply(init.getUI(), request == null ? null : request.getLocale(), chosen(), hostChooses);
            // The page declares the language its words are in (WCAG 3.1.1), for screen readers and hyphenation.
            init.getUI().getPage().executeJs("document.documentElement.lang = $0",
                    languageOf(init.getUI().getLocale()).getLanguage());
        });
    }

    /** The signed-in user's chosen language, or null. */
    private @Nullable Locale chosen() {
        LanguagePreference preference = preferences == null ? null : preferences.getIfAvailable();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return preference == null || user == null ? null : preference.chosen(user);
    }

    /**
     * Sets the locale of {@code ui}: the chosen language (formatted as described above), else the browser's unless
     * the host's own provider decides.
     */
    static void apply(UI ui, @Nullable Locale browser, @Nullable Locale chosen, boolean hostChooses) {
        if (chosen == null && hostChooses) {
            return;
        }
        Locale locale = resolve(browser, chosen);
        if (locale != null) {
            ui.setLocale(locale);
        }
    }

    /**
     * The locale a user reads: the browser's when it speaks the chosen language or nothing was chosen, else the
     * chosen language with its usual region. Null when neither is known.
     */
    public static @Nullable Locale resolve(@Nullable Locale browser, @Nullable Locale chosen) {
        boolean browserKnown = browser != null && !browser.getLanguage().isEmpty();
        if (chosen == null || chosen.getLanguage().isEmpty()) {
            return browserKnown ? browser : null;
        }
        if (browserKnown && browser.getLanguage().equals(chosen.getLanguage())) {
            return browser;
        }
        String region = DEFAULT_REGIONS.get(chosen.getLanguage());
        return region == null || !chosen.getCountry().isEmpty() ? chosen : Locale.of(chosen.getLanguage(), region);
    }

    /** The languages a user may choose, each named in its own language ("English", "Deutsch"). */
    public static String nameOf(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.getLanguage() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    /** The framework's language that {@code locale} reads (English for any other). */
    public static Locale languageOf(@Nullable Locale locale) {
        return Messages.LANGUAGES.stream().filter(l -> locale != null && l.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(Messages.LANGUAGES.getFirst());
    }
}
