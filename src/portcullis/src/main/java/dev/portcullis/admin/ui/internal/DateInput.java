package dev.portcullis.admin.ui.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Result;

import dev.portcullis.admin.model.internal.DisplayValues;
import dev.portcullis.i18n.Messages;

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

    /**
     * The picker's words and formats in {@code locale}: month and weekday names, "Today" and "Cancel" from the
     * bundle, the week starting on the locale's first day, the locale's date format (ISO accepted too) and a
     * message for text that is not a date.
     */
    public static DatePicker.DatePickerI18n i18n(Locale locale) {
        String local = localPattern(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        if (local.equals(ISO)) {
            i18n.setDateFormats(ISO);
        } else {
            i18n.setDateFormats(local, ISO);
        }
        i18n.setMonthNames(names(Messages.get(locale, "admin.date.months")));
        i18n.setWeekdays(names(Messages.get(locale, "admin.date.weekdays")));
        i18n.setWeekdaysShort(names(Messages.get(locale, "admin.date.weekdays-short")));
        i18n.setFirstDayOfWeek(firstDayOfWeek(locale));
        i18n.setToday(Messages.get(locale, "admin.date.today"));
        i18n.setCancel(Messages.get(locale, "common.cancel"));
        i18n.setBadInputErrorMessage(badInput(local, locale));
        i18n.setRequiredErrorMessage(Messages.get(locale, "admin.invalid.required"));
        return i18n;
    }

    /** The time picker's messages in {@code locale}; its format follows the locale set on it. */
    public static TimePicker.TimePickerI18n timeI18n(Locale locale) {
        return new TimePicker.TimePickerI18n()
                .setBadInputErrorMessage(Messages.get(locale, "admin.date.bad-time", java.time.LocalTime.of(14, 30)
                        .format(DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT).withLocale(locale))))
                .setRequiredErrorMessage(Messages.get(locale, "admin.invalid.required"));
    }

    /** The date-and-time picker's words in {@code locale}: its date half as {@link #i18n(Locale)}. */
    public static void configure(DateTimePicker picker, Locale locale) {
        picker.setLocale(locale);
        picker.setDatePickerI18n(i18n(locale));
        picker.setI18n(new DateTimePicker.DateTimePickerI18n()
                .setDateLabel(Messages.get(locale, "admin.date.date"))
                .setTimeLabel(Messages.get(locale, "admin.date.time"))
                .setBadInputErrorMessage(Messages.get(locale, "admin.date.bad-date-time"))
                .setIncompleteInputErrorMessage(Messages.get(locale, "admin.date.incomplete-date-time"))
                .setRequiredErrorMessage(Messages.get(locale, "admin.invalid.required")));
    }

    /**
     * 0 for Sunday, 1 for Monday: the region's custom ("en-US" Sunday, "de-DE" Monday); a language without a region
     * ("de", as many browsers send) starts on Monday, the international (ISO 8601) week.
     */
    static int firstDayOfWeek(Locale locale) {
        return locale.getCountry().isEmpty() ? 1 : WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7;
    }

    private static List<String> names(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
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
        return Result.error(badInput(local, locale()));
    }

    private static String badInput(String local, Locale locale) {
        String example = LocalDate.of(2024, 12, 31).format(DateTimeFormatter.ofPattern(local.replace("yyyy", "uuuu")));
        return local.equals(ISO) ? Messages.get(locale, "admin.date.bad-date-iso", "2024-12-31")
                : Messages.get(locale, "admin.date.bad-date", example, "2024-12-31");
    }

    /** The locale's short date pattern with a four-digit year, in tokens the picker understands; else ISO. */
    static String localPattern(Locale locale) {
        return DisplayValues.datePattern(locale);
    }

    private static Locale locale() {
        return CellFormat.locale();
    }
}
