package dev.portcullis.admin.ui.internal;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;

import dev.portcullis.i18n.Messages;

/**
 * Values typed as text: each type with the hint an admin needs when the text does not parse ("Enter a duration,
 * like 1h 30m"), and written back the way it is typed.
 */
final class TextValues {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)\\s*(d|h|m|s)", Pattern.CASE_INSENSITIVE);

    private TextValues() {
    }

    /** A converter between the text field and the attribute's type; null for a type this class does not know. */
    static Converter<String, Object> converter(Class<?> type) {
        return Converter.from(text -> {
            if (text == null || text.isBlank()) {
                return Result.ok(null);
            }
            try {
                return Result.ok(parse(type, text.strip()));
            } catch (IllegalArgumentException | DateTimeException | URISyntaxException bad) {
                return Result.error(hint(type));
            }
        }, value -> value == null ? "" : format(value));
    }

    static boolean supports(Class<?> type) {
        return type == BigInteger.class || type == Duration.class || type == Currency.class || type == Locale.class
                || type == ZoneId.class || type == URI.class || type == YearMonth.class;
    }

    static Object parse(Class<?> type, String text) throws URISyntaxException {
        if (type == BigInteger.class) {
            return new BigInteger(text);
        }
        if (type == Duration.class) {
            return duration(text);
        }
        if (type == Currency.class) {
            return Currency.getInstance(text.toUpperCase(Locale.ROOT));
        }
        if (type == Locale.class) {
            Locale locale = Locale.forLanguageTag(text.replace('_', '-'));
            if (locale.getLanguage().isEmpty()) {
                throw new IllegalArgumentException(text);
            }
            return locale;
        }
        if (type == ZoneId.class) {
            return ZoneId.of(text);
        }
        if (type == URI.class) {
            return new URI(text);
        }
        if (type == YearMonth.class) {
            return YearMonth.parse(text);
        }
        throw new IllegalArgumentException(type.getName());
    }

    static String format(Object value) {
        return switch (value) {
            case Duration d -> duration(d);
            case Locale l -> l.toLanguageTag();
            case Currency c -> c.getCurrencyCode();
            default -> value.toString();
        };
    }

    /** What to type when the text does not parse: "Enter a duration, like 1h 30m or 45m". */
    static String hint(Class<?> type) {
        if (type == BigInteger.class) {
            return Messages.get("admin.value.whole-number");
        }
        if (type == Duration.class) {
            return Messages.get("admin.value.duration", example(type));
        }
        if (type == Currency.class) {
            return Messages.get("admin.value.currency", example(type));
        }
        if (type == Locale.class) {
            return Messages.get("admin.value.language", example(type));
        }
        if (type == ZoneId.class) {
            return Messages.get("admin.value.time-zone", example(type));
        }
        if (type == URI.class) {
            return Messages.get("admin.value.address", example(type));
        }
        return Messages.get("admin.value.year-month", example(type));
    }

    /** An example of a value of {@code type} as it is typed, or null when a whole number needs none. */
    static String example(Class<?> type) {
        if (type == BigInteger.class) {
            return null;
        }
        if (type == Duration.class) {
            return Messages.get("admin.value.duration-example");
        }
        if (type == Currency.class) {
            return "EUR";
        }
        if (type == Locale.class) {
            return Messages.get("admin.value.language-example");
        }
        if (type == ZoneId.class) {
            return "Europe/Berlin";
        }
        if (type == URI.class) {
            return "https://example.com/page";
        }
        return "2024-05";
    }

    /** "1h 30m", "90m", "2d 4h", "45s" or ISO-8601 ("PT1H30M"). */
    static Duration duration(String text) {
        if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException bad) {
                throw new IllegalArgumentException(text, bad);
            }
        }
        Matcher matcher = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (!text.substring(end, matcher.start()).isBlank()) {
                throw new IllegalArgumentException(text);
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
            end = matcher.end();
        }
        if (end == 0 || !text.substring(end).isBlank()) {
            throw new IllegalArgumentException(text);
        }
        return total;
    }

    static String duration(Duration duration) {
        if (duration.isZero()) {
            return "0m";
        }
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        append(text, rest.toDays(), "d");
        append(text, rest.toHoursPart(), "h");
        append(text, rest.toMinutesPart(), "m");
        append(text, rest.toSecondsPart(), "s");
        return text.toString().strip();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(text.isEmpty() || text.toString().equals("-") ? "" : " ").append(amount).append(unit);
        }
    }
}
