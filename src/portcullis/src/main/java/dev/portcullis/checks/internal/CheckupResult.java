package dev.portcullis.checks.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import dev.portcullis.checks.CheckMessage;

/**
 * The outcome of a live checkup: the HTTP Observatory's score and grade over its ten tests, the tests that cost
 * points (worst first: what to fix first), and the findings of our own probes.
 *
 * @param target the URL probed
 * @param ranAt when
 * @param score the Observatory score (0 and up; above 100 with bonuses)
 * @param grade A+ to F
 * @param tests every Observatory test with its result and modifier
 * @param findings findings of the probes beyond the Observatory's (TRACE, 404 page, versions, certificate, ...)
 */
public record CheckupResult(URI target, Instant ranAt, int score, String grade, List<Test> tests,
        List<CheckMessage> findings) {

    /**
     * One Observatory test.
     *
     * @param name the Observatory's test name, such as {@code strict-transport-security}
     * @param result its result, such as {@code hsts-not-implemented}
     * @param modifier points added to or taken from 100
     * @param pass whether the Observatory counts it as passed
     * @param advice what to change
     */
    public record Test(String name, String result, int modifier, boolean pass, String advice) {
    }

    /** Tests that cost points, most expensive first. */
    public List<Test> fixFirst() {
        return tests.stream().filter(t -> t.modifier() < 0)
                .sorted(java.util.Comparator.comparingInt(Test::modifier)).toList();
    }

    /** A plain-text summary: grade, score, what to fix first, then the probe findings. */
    public String describe() {
        StringBuilder text = new StringBuilder("Checkup of " + target + ": grade " + grade + " (score " + score
                + "/100, HTTP Observatory scoring)\n");
        List<Test> fix = fixFirst();
        if (!fix.isEmpty()) {
            text.append("\nFix first:\n");
            fix.forEach(t -> text.append(String.format("  %4d  %s: %s%n       %s%n", t.modifier(), t.name(),
                    t.result(), t.advice())));
        }
        if (!findings.isEmpty()) {
            text.append('\n');
            findings.forEach(f -> text.append(CheckReportText.line(f)).append('\n'));
        }
        return text.toString();
    }
}
