package dev.portcullis.admin.data;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.model.internal.Wording;
import java.text.NumberFormat;

/**
 * A row count that stops at a limit, so a list over a huge table never counts all of it:
 * shown as "10,000+" when capped, like Django's {@code show_full_result_count = False}.
 */
public record CappedCount(long value, boolean capped) {

    /** "1 book", "42 books", "10,000+ books": the count with the right noun, lower-cased. */
    public String describe(String singular, String plural) {
        return display() + " " + Wording.noun(value == 1 && !capped ? singular : plural);
    }

    public String display() {
        String number = NumberFormat.getIntegerInstance(Messages.currentLocale()).format(value);
        return capped ? number + "+" : number;
    }
}
