package dev.portcullis.checks.checkup.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Referrer-Policy, from the header or a meta tag: the last policy the browser knows wins. */
final class ReferrerPolicyScorer implements ObservatoryScorer {

    private static final Set<String> PASSING = Set.of(
            "referrer-policy-private",
            "referrer-policy-not-implemented");

    private static final List<String> GOOD_REFERRERS = List.of("no-referrer", "same-origin", "strict-origin",
            "strict-origin-when-cross-origin");
    private static final List<String> BAD_REFERRERS = List.of("origin", "origin-when-cross-origin", "unsafe-url",
            "no-referrer-when-downgrade");

    @Override
    public String test() {
        return "referrer-policy";
    }

    @Override
    public Set<String> passing() {
        return PASSING;
    }

    @Override
    public String advice() {
        return "Send Referrer-Policy: strict-origin-when-cross-origin or stricter.";
    }

    @Override
    public String result(ObservatoryGrade.Responses responses, String hostname) {
        return of(responses.auto());
    }

    static String of(Probe.Fetched auto) {
        List<String> values = new ArrayList<>(auto == null ? List.of() : auto.headers("referrer-policy"));
        if (auto != null) {
            values.addAll(auto.metaEquiv("referrer-policy"));
        }
        if (values.isEmpty()) {
            return "referrer-policy-not-implemented";
        }
        String policy = "";
        for (String part : String.join(",", values).split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (GOOD_REFERRERS.contains(p) || BAD_REFERRERS.contains(p)) {
                policy = p;
            }
        }
        if (GOOD_REFERRERS.contains(policy)) {
            return "referrer-policy-private";
        }
        return BAD_REFERRERS.contains(policy) ? "referrer-policy-unsafe" : "referrer-policy-header-invalid";
    }
}
