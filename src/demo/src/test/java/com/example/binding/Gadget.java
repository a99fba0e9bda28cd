package com.example.binding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Every value type the form must edit or show; a UUID id generated on persist; field access only, no setters. */
@Entity
@AdminEntity
public class Gadget {

    @Id
    @GeneratedValue
    private UUID id;

    @NotBlank
    private String name;

    @NotNull
    private LocalTime opensAt;

    @Convert(converter = Converters.DurationText.class)
    private Duration runtime;

    private Instant seenAt;

    private OffsetDateTime builtAt;

    @Convert(converter = Converters.YearNumber.class)
    private Year madeIn;

    @Convert(converter = Converters.YearMonthText.class)
    private YearMonth serviceDue;

    private byte[] photo;

    @Lob
    private String notes;

    private char grade = 'A';

    @Column(precision = 30)
    private BigInteger serial;

    @Digits(integer = 5, fraction = 2)
    @Column(precision = 7, scale = 2)
    private BigDecimal price;

    @Convert(converter = Converters.CurrencyText.class)
    private Currency currency;

    @Convert(converter = Converters.LocaleText.class)
    private Locale language;

    @Convert(converter = Converters.ZoneText.class)
    private ZoneId zone;

    @Convert(converter = Converters.UriText.class)
    private URI homepage;

    protected Gadget() {
    }

    @Override
    public String toString() {
        return name == null ? "New gadget" : name;
    }
}
