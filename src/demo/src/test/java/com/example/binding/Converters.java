package com.example.binding;

import java.net.URI;
import java.time.Duration;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import jakarta.persistence.AttributeConverter;

/** Text columns for value types, as applications write them with {@code @Convert}. */
final class Converters {

    private Converters() {
    }

    public static final class DurationText implements AttributeConverter<Duration, String> {
        public String convertToDatabaseColumn(Duration value) {
            return value == null ? null : value.toString();
        }

        public Duration convertToEntityAttribute(String text) {
            return text == null ? null : Duration.parse(text);
        }
    }

    public static final class YearNumber implements AttributeConverter<Year, Integer> {
        public Integer convertToDatabaseColumn(Year value) {
            return value == null ? null : value.getValue();
        }

        public Year convertToEntityAttribute(Integer number) {
            return number == null ? null : Year.of(number);
        }
    }

    public static final class YearMonthText implements AttributeConverter<YearMonth, String> {
        public String convertToDatabaseColumn(YearMonth value) {
            return value == null ? null : value.toString();
        }

        public YearMonth convertToEntityAttribute(String text) {
            return text == null ? null : YearMonth.parse(text);
        }
    }

    public static final class CurrencyText implements AttributeConverter<Currency, String> {
        public String convertToDatabaseColumn(Currency value) {
            return value == null ? null : value.getCurrencyCode();
        }

        public Currency convertToEntityAttribute(String text) {
            return text == null ? null : Currency.getInstance(text);
        }
    }

    public static final class LocaleText implements AttributeConverter<Locale, String> {
        public String convertToDatabaseColumn(Locale value) {
            return value == null ? null : value.toLanguageTag();
        }

        public Locale convertToEntityAttribute(String text) {
            return text == null ? null : Locale.forLanguageTag(text);
        }
    }

    public static final class ZoneText implements AttributeConverter<ZoneId, String> {
        public String convertToDatabaseColumn(ZoneId value) {
            return value == null ? null : value.getId();
        }

        public ZoneId convertToEntityAttribute(String text) {
            return text == null ? null : ZoneId.of(text);
        }
    }

    public static final class UriText implements AttributeConverter<URI, String> {
        public String convertToDatabaseColumn(URI value) {
            return value == null ? null : value.toString();
        }

        public URI convertToEntityAttribute(String text) {
            return text == null ? null : URI.create(text);
        }
    }

    public static final class ShadeText implements AttributeConverter<Shade, String> {
        public String convertToDatabaseColumn(Shade value) {
            return value == null ? null : value.hex();
        }

        public Shade convertToEntityAttribute(String text) {
            return text == null ? null : new Shade(text);
        }
    }

    /** A value type the admin knows nothing about. */
    public record Shade(String hex) {
    }
}
