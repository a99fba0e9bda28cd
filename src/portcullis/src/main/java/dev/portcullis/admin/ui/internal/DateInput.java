package dev.portcullis.admin.ui.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.data.binder.Result;

import dev.portcullis.admin.model.internal.DisplayValues;

/**
 * Date pickers that take what people type: the user's locale format and ISO ({@code 2000-01-31}, the form lists
 * use), with a message saying which format is expected when neither parses.
 */
public final class DateInput {

    static final String ISO = "yyyy-MM-dd";

    private DateInput() {
    }

    public static void configure(DatePicker picker) {
        picker.setLocale(locale());
        picker.setI18n(i18n(locale()));
        picker.setFallbackParser(DateInput::parse);
    }

    public static DatePicker.DatePickerI18n i18n(Locale locale) {
        String local = localPattern(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        if (local.equals(ISO)) {
            i18n.setDateFormats(ISO);
        } else {
            i18n.setDateFormats(local, ISO);
        }
        i18n.setBadInputErrorMessage(badInput(local));
        return i18n;
    }

    /** The server-side parser the picker calls when the browser could not parse the text. */
    static Result<LocalDate> parse(String text) {
        String input = text == null ? "" : text.strip();
        String local = localPattern(locale());
        for (String pattern : new String[] {"uuuu-MM-dd", local.replace("yyyy", "uuuu")}) {
            try {
                return Result.ok(LocalDate.parse(input,
                        DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT)));
            } catch (DateTimeParseException | IllegalArgumentException notThisOne) {
                // try the next format
            }
        }
        return Result.error(badInput(local));
    }

    private static String badInput(String local) {
        String example = LocalDate.of(2024, 12, 31).format(DateTimeFormatter.ofPattern(local.replace("yyyy", "uuuu")));
        return local.equals(ISO) ? "Enter a date like 2024-12-31"
                : "Enter a date like " + example + " or 2024-12-31";
    }

    /** The locale's short date pattern with a four-digit year, in tokens the picker understands; else ISO. */
    static String localPattern(Locale locale) {
        return DisplayValues.datePattern(locale);
    }

    private static Locale locale() {
        return CellFormat.locale();
    }
}
