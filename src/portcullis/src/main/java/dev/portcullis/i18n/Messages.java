package dev.portcullis.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.component.UI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Every word the framework shows to people, in their language.
 *
 * <p>A key's first segment names its bundle: {@code "twofactor.setup.title"} is read from
 * {@code dev/portcullis/i18n/twofactor.properties} (English) or {@code twofactor_de.properties} (German). Values are
 * {@link MessageFormat} patterns, so {@code {0}} takes an argument, numbers and dates are formatted for the locale,
 * plurals use {@code {0,choice,1#one row|1<{0,number,integer} rows}}, and an apostrophe is written {@code ''}.
 *
 * <p>The locale is the current Vaadin UI's (the user's own choice, else the browser's: see the user menu), else
 * Spring's {@link LocaleContextHolder} (requests outside the UI). A language without a bundle reads English: the
 * server's default locale never leaks in. A missing key shows the key and is logged once; the library's tests
 * require every key used in the code to exist in every language.
 */
public final class Messages {

    /** The languages the framework speaks, the first one being the fallback. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    private static final String BASE = "dev.portcullis.i18n.";
    private static final ResourceBundle.Control NO_SERVER_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    private Messages() {
    }

    /** The text for {@code key} in the current user's language, with {@code args} filled in. */
    public static String get(String key, @Nullable Object... args) {
        return get(currentLocale(), key, args);
    }

    /** The text for {@code key} in {@code locale}, with {@code args} filled in. */
    public static String get(Locale locale, String key, @Nullable Object... args) {
        String pattern = pattern(locale, key);
        if (pattern == null) {
            if (reportedMissing.add(key)) {
                log.warn("No text for message key {} (locale {})", key, locale);
            }
            return key;
        }
        return new MessageFormat(pattern, locale).format(args == null ? new Object[0] : args);
    }

    /** Whether {@code key} has a text (in English, which every other language mirrors). */
    public static boolean exists(String key) {
        return pattern(Locale.ROOT, key) != null;
    }

    /** The locale the current user reads: the UI's, else the request's, else English (never the server's). */
    public static Locale currentLocale() {
        UI ui = UI.getCurrent();
        if (ui != null && ui.getLocale() != null) {
            return ui.getLocale();
        }
        // Not LocaleContextHolder.getLocale(): without a request it answers the server's default locale.
        org.springframework.context.i18n.LocaleContext request = LocaleContextHolder.getLocaleContext();
        return request != null && request.getLocale() != null ? request.getLocale() : LANGUAGES.getFirst();
    }

    /** The raw pattern of {@code key} in {@code locale}, or null when there is none. */
    static @Nullable String pattern(Locale locale, String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BASE + key.substring(0, dot), locale,
                    Messages.class.getClassLoader(), NO_SERVER_LOCALE);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException noBundle) {
            return null;
        }
    }
}
