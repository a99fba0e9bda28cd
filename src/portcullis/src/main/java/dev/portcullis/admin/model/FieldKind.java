package dev.portcullis.admin.model;

/** How the admin shows and edits an attribute, derived from its Java and JPA type. */
public enum FieldKind {
    TEXT, LONG_TEXT, INTEGER, LONG, DECIMAL, DOUBLE, BOOLEAN, ENUM, DATE, DATE_TIME, INSTANT, UUID,
    MANY_TO_ONE, MANY_TO_MANY, ONE_TO_MANY, ELEMENT_COLLECTION, EMBEDDED,
    /** A type the admin cannot edit; shown read-only as text. */
    OTHER;

    public boolean isRelation() {
        return this == MANY_TO_ONE || this == MANY_TO_MANY || this == ONE_TO_MANY;
    }

    public boolean isTemporal() {
        return this == DATE || this == DATE_TIME || this == INSTANT;
    }

    /** Whether the database can sort by it. */
    public boolean isSortable() {
        return switch (this) {
            case MANY_TO_MANY, ONE_TO_MANY, ELEMENT_COLLECTION, EMBEDDED, OTHER -> false;
            default -> true;
        };
    }

    /** Whether a list filter can be built for it. */
    public boolean isFilterable() {
        return this == BOOLEAN || this == ENUM || isTemporal() || this == MANY_TO_ONE;
    }
}
