package dev.portcullis.admin.model;

/** How the admin shows and edits an attribute, derived from its Java and JPA type. */
public enum FieldKind {
    TEXT("text"), LONG_TEXT("long text"), INTEGER("whole number"), LONG("whole number"), DECIMAL("decimal number"),
    DOUBLE("number"), BOOLEAN("yes/no value"), ENUM("choice"), DATE("date"), DATE_TIME("date and time"),
    INSTANT("moment in time"), UUID("UUID"),
    /** {@code LocalTime}: a time of day. */
    TIME("time of day"),
    /** {@code OffsetDateTime} and {@code ZonedDateTime}: edited in UTC. */
    OFFSET_DATE_TIME("date and time with a zone"),
    /** {@code Year}. */
    YEAR("year"),
    /** {@code YearMonth}. */
    YEAR_MONTH("year and month"),
    /** {@code char}/{@code Character}. */
    CHAR("single character"),
    /**
     * A value typed as text and parsed: {@code Duration}, {@code BigInteger}, {@code Currency}, {@code Locale},
     * {@code ZoneId}, {@code URI}.
     */
    VALUE_TEXT("value typed as text"),
    /** {@code byte[]} (often {@code @Lob}): shown read-only by its size. */
    BINARY("binary data"),
    MANY_TO_ONE("to-one relation"), MANY_TO_MANY("many-to-many relation"), ONE_TO_MANY("one-to-many relation"),
    ELEMENT_COLLECTION("collection of values"), EMBEDDED("embedded value"),
    /** A type the admin cannot edit; shown read-only as text. */
    OTHER("value of a type the admin cannot edit");

    private final String description;

    FieldKind(String description) {
        this.description = description;
    }

    /** What the kind is, in words for a start-up message ("a time of day"). */
    public String description() {
        return description;
    }

    public boolean isRelation() {
        return this == MANY_TO_ONE || this == MANY_TO_MANY || this == ONE_TO_MANY;
    }

    /** Temporal kinds the list can filter by a date range. */
    public boolean isTemporal() {
        return this == DATE || this == DATE_TIME || this == INSTANT;
    }

    /** Whether the database can sort by it. */
    public boolean isSortable() {
        return switch (this) {
            case MANY_TO_MANY, ONE_TO_MANY, ELEMENT_COLLECTION, EMBEDDED, BINARY, OTHER -> false;
            default -> true;
        };
    }

    /** Whether a list filter can be built for it. */
    public boolean isFilterable() {
        return this == BOOLEAN || this == ENUM || isTemporal() || this == MANY_TO_ONE;
    }
}
