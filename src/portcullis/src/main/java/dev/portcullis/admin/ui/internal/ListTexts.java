package dev.portcullis.admin.ui.internal;

import java.text.NumberFormat;

import dev.portcullis.admin.data.CappedCount;
import dev.portcullis.i18n.Messages;

/** Words the list's parts share, in the user's language: counts of rows and labels inside sentences. */
public final class ListTexts {

    private ListTexts() {
    }

    /** A label inside a sentence: lower-cased in English ("Search books"); German keeps its nouns capitalised. */
    public static String lower(String label) {
        return dev.portcullis.admin.model.internal.Wording.noun(label);
    }

    /** A whole number in the user's locale ("10,000"; "10.000" in German). */
    public static String number(long value) {
        return NumberFormat.getIntegerInstance(Messages.currentLocale()).format(value);
    }

    /** "1 book", "42 books", "10,000+ books": the count, stopped at the cap, with the right noun. */
    public static String count(CappedCount total, String singular, String plural) {
        return Messages.get(total.capped() ? "list.count.capped" : "list.count", number(total.value()),
                lower(total.value() == 1 && !total.capped() ? singular : plural));
    }
}
