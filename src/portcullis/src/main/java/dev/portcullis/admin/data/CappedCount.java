package dev.portcullis.admin.data;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A row count that stops at a limit, so a list over a huge table never counts all of it:
 * shown as "10,000+" when capped, like Django's {@code show_full_result_count = False}.
 */
public record CappedCount(long value, boolean capped) {

    /** "1 book", "42 books", "10,000+ books": the count with the right noun, lower-cased. */
    public String describe(String singular, String plural) {
        return display() + " " + (value == 1 && !capped ? singular : plural).toLowerCase(Locale.ROOT);
    }

    public String display() {
        String number = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
        return capped ? number + "+" : number;
    }
}
