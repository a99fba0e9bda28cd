package dev.portcullis.admin.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/** How values read in lists and read-only fields: plain, short and locale-neutral. */
final class CellFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CellFormat() {
    }

    static String format(Object value) {
        return switch (value) {
            case null -> "";
            case Boolean b -> b ? "Yes" : "No";
            case Enum<?> e -> humanize(e.name());
            case BigDecimal d -> d.toPlainString();
            case LocalDateTime t -> DATE_TIME.format(t);
            case Instant i -> DATE_TIME.format(i.atOffset(ZoneOffset.UTC)) + " UTC";
            case Collection<?> c -> c.stream().map(CellFormat::format).collect(Collectors.joining(", "));
            default -> String.valueOf(value);
        };
    }

    static String humanize(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
