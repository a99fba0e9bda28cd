package dev.portcullis.checks.checkup.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Cross-Origin-Resource-Policy, from the header or a meta tag: which sites may embed the response. */
final class ResourcePolicyScorer implements ObservatoryScorer {

    private static final Set<String> PASSING = Set.of(
            "cross-origin-resource-policy-not-implemented",
            "cross-origin-resource-policy-implemented-with-same-site",
            "cross-origin-resource-policy-implemented-with-same-origin",
            "cross-origin-resource-policy-implemented-with-cross-origin");

    @Override
    public String test() {
        return "cross-origin-resource-policy";
    }

    @Override
    public Set<String> passing() {
        return PASSING;
    }

    @Override
    public String advice() {
        return "Send Cross-Origin-Resource-Policy: same-origin.";
    }

    @Override
    public String result(ObservatoryGrade.Responses responses, String hostname) {
        return of(responses.auto());
    }

    static String of(Probe.Fetched auto) {
        if (auto == null) {
            return "cross-origin-resource-policy-not-implemented";
        }
        String value = auto.header("cross-origin-resource-policy");
        if (value == null) {
            List<String> meta = auto.metaEquiv("cross-origin-resource-policy");
            value = meta.isEmpty() ? null : meta.getLast();
        }
        if (value == null) {
            return "cross-origin-resource-policy-not-implemented";
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "same-site" -> "cross-origin-resource-policy-implemented-with-same-site";
            case "same-origin" -> "cross-origin-resource-policy-implemented-with-same-origin";
            case "cross-origin" -> "cross-origin-resource-policy-implemented-with-cross-origin";
            default -> "cross-origin-resource-policy-header-invalid";
        };
    }
}
