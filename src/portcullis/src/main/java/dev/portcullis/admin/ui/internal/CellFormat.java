package dev.portcullis.admin.ui.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Currency;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hibernate.proxy.HibernateProxy;

import dev.portcullis.admin.model.EntityLabels;

import jakarta.persistence.Entity;

/** How values read in lists and read-only fields: plain, short and locale-neutral; rows by their label. */
public final class CellFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CellFormat() {
    }

    public static String format(Object value) {
        return switch (value) {
            case null -> "";
            case Boolean b -> b ? "Yes" : "No";
            case Enum<?> e -> humanize(e.name());
            case BigDecimal d -> d.toPlainString();
            case LocalDateTime t -> DATE_TIME.format(t);
            case LocalTime t -> t.getSecond() == 0 && t.getNano() == 0 ? TIME.format(t) : t.toString();
            case Instant i -> DATE_TIME.format(i.atOffset(ZoneOffset.UTC)) + " UTC";
            case OffsetDateTime o -> DATE_TIME.format(o.withOffsetSameInstant(ZoneOffset.UTC)) + " UTC";
            case ZonedDateTime z -> DATE_TIME.format(z.withZoneSameInstant(ZoneOffset.UTC)) + " UTC";
            case Duration d -> TextValues.duration(d);
            case Locale l -> l.toLanguageTag();
            case Currency c -> c.getCurrencyCode();
            case byte[] bytes -> size(bytes.length);
            case Byte[] bytes -> size(bytes.length);
            case Collection<?> c -> c.stream().map(CellFormat::format).collect(Collectors.joining(", "));
            case HibernateProxy proxy -> EntityLabels.of(proxy);
            default -> value.getClass().isAnnotationPresent(Entity.class) ? EntityLabels.of(value) : String.valueOf(value);
        };
    }

    /** "Empty", "512 bytes", "12.3 kB", "4.0 MB". */
    static String size(long bytes) {
        if (bytes == 0) {
            return "Empty";
        }
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    public static String humanize(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
