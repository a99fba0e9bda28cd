package dev.portcullis.admin.model.internal;

import java.util.Locale;

import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.i18n.Messages;

/**
 * The host's words for its entities inside the framework's sentences, in the user's language: "Saved book 'Dune'"
 * lower-cases the noun, "Buch „Dune“ gespeichert" keeps it capitalised, as German writes every noun.
 */
public final class Wording {

    private Wording() {
    }

    /** "Book" as it reads inside a sentence: "book" in English, "Buch" in German. */
    public static String noun(String label) {
        return keepsCapitals(Messages.currentLocale()) ? label : label.toLowerCase(Locale.ROOT);
    }

    /** The entity's singular label in the user's language ("Book", "Buch"). */
    public static String label(AdminModel<?> model) {
        return ValueLabels.entity(model.entityClass(), model.label());
    }

    /** The entity's plural label in the user's language ("Books", "Bücher"). */
    public static String plural(AdminModel<?> model) {
        return ValueLabels.entityPlural(model.entityClass(), model.pluralLabel());
    }

    /** The singular label as it reads inside a sentence. */
    public static String noun(AdminModel<?> model) {
        return noun(label(model));
    }

    /** The plural label as it reads inside a sentence. */
    public static String pluralNoun(AdminModel<?> model) {
        return noun(plural(model));
    }

    private static boolean keepsCapitals(Locale locale) {
        return "de".equals(locale.getLanguage());
    }
}
