package dev.portcullis.checks.checkup.internal;

import java.util.Set;

/** X-Content-Type-Options: nosniff, so a browser never guesses a script out of an upload. */
final class ContentTypeOptionsScorer implements ObservatoryScorer {

    private static final Set<String> PASSING = Set.of(
            "x-content-type-options-nosniff");

    @Override
    public String test() {
        return "x-content-type-options";
    }

    @Override
    public Set<String> passing() {
        return PASSING;
    }

    @Override
    public String advice() {
        return "Send X-Content-Type-Options: nosniff.";
    }

    @Override
    public String result(ObservatoryGrade.Responses responses, String hostname) {
        return of(responses.auto());
    }

    static String of(Probe.Fetched auto) {
        String header = auto == null ? null : auto.header("x-content-type-options");
        if (header == null) {
            return "x-content-type-options-not-implemented";
        }
        return header.strip().equalsIgnoreCase("nosniff") ? "x-content-type-options-nosniff"
                : "x-content-type-options-header-invalid";
    }
}
