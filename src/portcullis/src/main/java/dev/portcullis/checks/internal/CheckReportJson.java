package dev.portcullis.checks.internal;

import java.util.stream.Collectors;
import dev.portcullis.checks.CheckLevel;
import dev.portcullis.checks.CheckMessage;

/** A report as JSON, for pipelines and dashboards: {@code {"ranAt":..., "silenced":n, "findings":[...]}}. */
public final class CheckReportJson {

    private CheckReportJson() {
    }

    public static String format(CheckReport report) {
        String findings = report.findings().stream().map(CheckReportJson::finding)
                .collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
        return "{\n  \"ranAt\": " + string(report.ranAt().toString()) + ",\n  \"silenced\": " + report.silenced()
                + ",\n  \"counts\": {" + counts(report) + "},\n  \"findings\": "
                + (report.findings().isEmpty() ? "[]" : findings) + "\n}\n";
    }

    private static String counts(CheckReport report) {
        StringBuilder text = new StringBuilder();
        for (CheckLevel level : CheckLevel.values()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(string(level.name())).append(": ").append(report.count(level));
        }
        return text.toString();
    }

    private static String finding(CheckMessage m) {
        return "{\"id\": " + string(m.id()) + ", \"level\": " + string(m.level().name()) + ", \"source\": "
                + string(m.source()) + ", \"message\": " + string(m.message()) + ", \"hint\": " + string(m.hint())
                + "}";
    }

    /** A JSON string literal, or null. */
    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }
}
