package dev.portcullis.admin.ui.internal;

import dev.portcullis.i18n.Messages;
import java.time.Duration;
import java.util.Locale;

import com.vaadin.flow.component.UI;

import dev.portcullis.admin.model.internal.DisplayValues;
import dev.portcullis.admin.model.internal.ValueLabels;

/**
 * How values read in lists and read-only fields, in the user's locale (see {@link DisplayValues}); durations and
 * binary sizes in short words; rows by their label.
 */
public final class CellFormat {

    private CellFormat() {
    }

    public static String format(Object value) {
        return format(value, locale());
    }

    public static String format(Object value, Locale locale) {
        return switch (value) {
            case Duration d -> TextValues.duration(d);
            case byte[] bytes -> size(bytes.length);
            case Byte[] bytes -> size(bytes.length);
            case null, default -> DisplayValues.format(value, locale);
        };
    }

    /** The user's locale: the browser's (set on each UI, see {@link BrowserLocale}), else the server's. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui != null && ui.getLocale() != null ? ui.getLocale() : Locale.getDefault();
    }

    /** "Empty", "512 bytes", "12.3 kB", "4.0 MB". */
    static String size(long bytes) {
        if (bytes == 0) {
            return Messages.get("admin.value.empty");
        }
        if (bytes < 1000) {
            return Messages.get("admin.value.bytes", bytes);
        }
        return bytes < 1_000_000 ? Messages.get("admin.value.kilobytes", bytes / 1000.0)
                : Messages.get("admin.value.megabytes", bytes / 1_000_000.0);
    }

    /** An enum constant's label, or the humanised constant name when it is not an enum's. */
    public static String humanize(String constant) {
        return ValueLabels.ofConstant(null, constant);
    }
}
