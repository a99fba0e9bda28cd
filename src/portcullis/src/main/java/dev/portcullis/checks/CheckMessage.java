package dev.portcullis.checks;

import java.util.Objects;

/**
 * One finding of a check: a stable id such as {@code admin.E108}, what is wrong, how to fix it, and where.
 *
 * @param level how serious it is
 * @param id stable identifier, {@code <area>.<letter><number>}
 * @param message what is wrong, naming the offending value
 * @param hint how to fix it; may be null
 * @param source what the message is about, e.g. an entity class; may be null
 */
public record CheckMessage(CheckLevel level, String id, String message, String hint, String source) {

    public CheckMessage {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
    }

    public static CheckMessage error(String id, String source, String message, String hint) {
        return new CheckMessage(CheckLevel.ERROR, id, message, hint, source);
    }

    public static CheckMessage critical(String id, String source, String message, String hint) {
        return new CheckMessage(CheckLevel.CRITICAL, id, message, hint, source);
    }

    public static CheckMessage info(String id, String source, String message, String hint) {
        return new CheckMessage(CheckLevel.INFO, id, message, hint, source);
    }

    public static CheckMessage warning(String id, String source, String message, String hint) {
        return new CheckMessage(CheckLevel.WARNING, id, message, hint, source);
    }

    /** True for ERROR and CRITICAL. */
    public boolean isSerious() {
        return level.compareTo(CheckLevel.ERROR) >= 0;
    }

    /** Django's format: {@code source: (id) message} and an indented {@code HINT:} line. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (source != null) {
            text.append(source).append(": ");
        }
        text.append('(').append(id).append(") ").append(message);
        if (hint != null) {
            text.append("\n\tHINT: ").append(hint);
        }
        return text.toString();
    }
}
