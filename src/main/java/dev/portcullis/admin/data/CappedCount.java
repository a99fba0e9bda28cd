package dev.portcullis.admin.data;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A row count that stops at a limit, so a list over a huge table never counts all of it:
 * shown as "10,000+" when capped, like Django's {@code show_full_result_count = False}.
 */
public record CappedCount(long value, boolean capped) {

    public String display() {
        String number = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
        return capped ? number + "+" : number;
    }
}
