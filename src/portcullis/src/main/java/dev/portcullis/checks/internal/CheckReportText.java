package dev.portcullis.checks.internal;

import java.util.List;
import java.util.Locale;
import dev.portcullis.checks.CheckLevel;
import dev.portcullis.checks.CheckMessage;

/** A report as Django prints it: findings grouped by level, each with its hint, then a one-line summary. */
public final class CheckReportText {

    private CheckReportText() {
    }

    /** The whole report as text, ending with the summary line. */
    public static String format(CheckReport report) {
        StringBuilder text = new StringBuilder();
        if (!report.findings().isEmpty()) {
            text.append("System check identified some issues:\n");
            for (CheckLevel level : List.of(CheckLevel.CRITICAL, CheckLevel.ERROR, CheckLevel.WARNING,
                    CheckLevel.INFO)) {
                List<CheckMessage> findings = report.at(level);
                if (findings.isEmpty()) {
                    continue;
                }
                text.append('\n').append(heading(level)).append(":\n");
                for (CheckMessage finding : findings) {
                    text.append(line(finding)).append('\n');
                }
            }
            text.append('\n');
        }
        return text.append(summary(report)).append('\n').toString();
    }

    /** {@code ?: (security.W040) message} and an indented {@code HINT:} line, as Django prints one finding. */
    public static String line(CheckMessage finding) {
        StringBuilder text = new StringBuilder();
        text.append(finding.source() == null ? "?" : finding.source()).append(": (").append(finding.id())
                .append(") ").append(finding.message());
        if (finding.hint() != null) {
            text.append("\n\tHINT: ").append(finding.hint());
        }
        return text.toString();
    }

    /** "System check identified 3 issues (0 silenced)." or "... no issues ...". */
    public static String summary(CheckReport report) {
        return "System check identified " + issues(report.findings().size()) + " (" + report.silenced()
                + " silenced).";
    }

    static String issues(int count) {
        return count == 0 ? "no issues" : count == 1 ? "1 issue" : count + " issues";
    }

    private static String heading(CheckLevel level) {
        return level.name().toUpperCase(Locale.ROOT) + "S";
    }
}
