package dev.portcullis.admin.model.internal;

import dev.portcullis.i18n.Messages;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Currency;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hibernate.proxy.HibernateProxy;

import jakarta.persistence.Entity;
import dev.portcullis.admin.model.EntityLabels;

/**
 * Values as an admin reads them, in their locale: "31.12.2024" and "12,50" for German, "12/31/2024" and "12.50" for
 * American English; enum constants and rows by their labels, yes/no for booleans. Dates use the same pattern the date
 * pickers accept, so what a list shows can be typed back. Instants stay in UTC, as the pickers edit them.
 */
public final class DisplayValues {

    /** The pattern used when a locale's own short date pattern is not one the pickers understand. */
    public static final String ISO_DATE = "yyyy-MM-dd";

    private DisplayValues() {
    }

    public static String format(Object value, Locale locale) {
        return switch (value) {
            case null -> "";
            case String s -> s;
            case Boolean b -> b ? Messages.get(locale, "admin.value.yes") : Messages.get(locale, "admin.value.no");
            case Enum<?> e -> ValueLabels.of(e, locale);
            case BigDecimal d -> decimal(d, locale);
            case Double d -> number(d, locale);
            case Float f -> number(f.doubleValue(), locale);
            case Number n -> n.toString(); // ids and counts: no grouping, so they read and search the same everywhere
            case LocalDate d -> date(locale).format(d);
            case LocalDateTime t -> date(locale).format(t) + " " + time(locale).format(t);
            case LocalTime t -> time(locale).format(t);
            case Instant i -> format(LocalDateTime.ofInstant(i, ZoneOffset.UTC), locale) + " UTC";
            case OffsetDateTime o -> format(o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), locale) + " UTC";
            case ZonedDateTime z -> format(z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime(), locale) + " UTC";
            case Locale l -> l.toLanguageTag();
            case Currency c -> c.getCurrencyCode();
            case Collection<?> c -> c.stream().map(item -> format(item, locale)).collect(Collectors.joining(", "));
            case HibernateProxy proxy -> EntityLabels.of(proxy);
            default -> value.getClass().isAnnotationPresent(Entity.class) ? EntityLabels.of(value) : value.toString();
        };
    }

    /** The locale's short date pattern with a four-digit year ("dd.MM.yyyy", "M/d/yyyy"); ISO when it has none. */
    public static String datePattern(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        String fourDigits = pattern.replaceAll("y+", "yyyy");
        return fourDigits.matches("[dMy./\\- ]+") && fourDigits.contains("yyyy") ? fourDigits : ISO_DATE;
    }

    /** A date formatter of {@link #datePattern(Locale)}. */
    public static DateTimeFormatter date(Locale locale) {
        return DateTimeFormatter.ofPattern(datePattern(locale).replace("yyyy", "uuuu"), locale);
    }

    private static DateTimeFormatter time(Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    }

    /** "12,50" (de), "12.50" (en): the locale's decimal separator, the scale kept, no grouping. */
    public static String decimal(BigDecimal value, Locale locale) {
        DecimalFormat format = new DecimalFormat("0", DecimalFormatSymbols.getInstance(locale));
        int scale = Math.max(0, value.scale());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    private static String number(double value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(10);
        return format.format(value);
    }
}
