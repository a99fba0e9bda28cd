package dev.portcullis.admin.model.internal;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import dev.portcullis.admin.AdminLabel;

/**
 * The words for attributes and enum constants: the host's {@code portcullis-labels} bundle first ({@code Book.isbn},
 * {@code Genre.SCIFI}), then {@link AdminLabel}, then the humanised name ("publishedOn" → "Published on", "SCIFI" →
 * "Scifi"). Labels are for reading; forms and filters still bind the constant itself.
 *
 * <p>The bundle is read in the user's language: {@code portcullis-labels_de.properties} beside the base file gives a
 * German admin German words, falling back to the base file key by key; the server's locale never decides. Entities
 * are named there too: {@code Book._label=Buch}, {@code Book._plural=Bücher}.
 */
public final class ValueLabels {

    /** The bundle a host application may add to its classpath root. */
    public static final String BUNDLE = "portcullis-labels";

    private ValueLabels() {
    }

    /** "Published on", "ISBN": an attribute of {@code owner} (or a class it inherits from), in the user's language. */
    public static String attribute(Class<?> owner, String name) {
        return attribute(owner, name, userLocale());
    }

    /** "Published on", "ISBN": an attribute of {@code owner} (or a class it inherits from), in {@code locale}. */
    public static String attribute(Class<?> owner, String name, Locale locale) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            String bundled = labelled(c, "." + name, locale);
            if (bundled != null) {
                return bundled;
            }
        }
        Field field = org.springframework.util.ReflectionUtils.findField(owner, name);
        AdminLabel label = field == null ? null : field.getAnnotation(AdminLabel.class);
        return label != null ? label.value() : Names.humanize(name);
    }

    /** "Science fiction" for {@code SCIFI} when labelled, else "Scifi"; "Out of stock" for {@code OUT_OF_STOCK}. */
    public static String of(Enum<?> constant) {
        return of(constant, userLocale());
    }

    /** The constant's label in {@code locale} ({@link Locale#ROOT}: the base file, for stored records). */
    public static String of(Enum<?> constant, Locale locale) {
        Class<?> type = constant.getDeclaringClass();
        String bundled = bundled(type.getSimpleName() + "." + constant.name(), locale);
        if (bundled != null) {
            return bundled;
        }
        try {
            AdminLabel label = type.getField(constant.name()).getAnnotation(AdminLabel.class);
            if (label != null) {
                return label.value();
            }
        } catch (NoSuchFieldException impossible) {
            // every constant is a public field of its enum
        }
        return constantWords(constant.name());
    }

    /** The label of the constant named {@code name} of {@code type}, or the humanised name when there is none. */
    public static String ofConstant(Class<?> type, String name) {
        if (type != null && type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return of((Enum<?>) constant);
                }
            }
        }
        return constantWords(name);
    }

    /** "OUT_OF_STOCK" → "Out of stock". */
    static String constantWords(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The host's word for an entity ({@code Book._label}) in the user's language, else {@code label} (the admin's
     * option or the humanised class name).
     */
    public static String entity(Class<?> type, String label) {
        String bundled = labelled(type, "._label", userLocale());
        return bundled != null ? bundled : label;
    }

    /** The host's plural for an entity ({@code Book._plural}) in the user's language, else {@code plural}. */
    public static String entityPlural(Class<?> type, String plural) {
        String bundled = labelled(type, "._plural", userLocale());
        return bundled != null ? bundled : plural;
    }

    /**
     * The UI's locale, else the request's (Spring's locale context, when one is set), else the base file: labels asked
     * for at start-up or in a background job never take the server's default locale.
     */
    static Locale userLocale() {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        if (ui != null && ui.getLocale() != null) {
            return ui.getLocale();
        }
        org.springframework.context.i18n.LocaleContext context =
                org.springframework.context.i18n.LocaleContextHolder.getLocaleContext();
        return context != null && context.getLocale() != null ? context.getLocale() : Locale.ROOT;
    }

    /**
     * The host's label for {@code type + suffix}, else, for the framework's own entities (users, sessions, honeypot
     * records), the feature's bundle: {@code honeypot.HoneypotBlock._label} in {@code dev/portcullis/i18n}.
     */
    private static String labelled(Class<?> type, String suffix, Locale locale) {
        String host = bundled(type.getSimpleName() + suffix, locale);
        if (host != null || !type.getPackageName().startsWith(FRAMEWORK)) {
            return host;
        }
        String rest = type.getPackageName().substring(FRAMEWORK.length());
        String key = (rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest) + "." + type.getSimpleName()
                + suffix;
        return dev.portcullis.i18n.Messages.exists(key)
                ? dev.portcullis.i18n.Messages.get(Locale.ROOT.equals(locale) ? Locale.ENGLISH : locale, key) : null;
    }

    private static final String FRAMEWORK = "dev.portcullis.";

    private static String bundled(String key, Locale locale) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException noBundle) {
            return null;
        }
    }
}
