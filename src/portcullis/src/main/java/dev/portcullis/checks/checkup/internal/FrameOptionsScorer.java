package dev.portcullis.checks.checkup.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** X-Frame-Options, or CSP frame-ancestors which earns a bonus: no framing by other sites. */
final class FrameOptionsScorer implements ObservatoryScorer {

    private static final Set<String> PASSING = Set.of(
            "x-frame-options-implemented-via-csp",
            "x-frame-options-sameorigin-or-deny",
            "x-frame-options-allow-from-origin");

    @Override
    public String test() {
        return "x-frame-options";
    }

    @Override
    public Set<String> passing() {
        return PASSING;
    }

    @Override
    public String advice() {
        return "Send X-Frame-Options: DENY or CSP frame-ancestors 'none'.";
    }

    @Override
    public String result(ObservatoryGrade.Responses responses, String hostname) {
        return of(responses.auto(), ContentSecurityPolicy.ofPageOrNull(responses.auto()));
    }

    static String of(Probe.Fetched auto, Map<String, Set<String>> csp) {
        if (auto == null) {
            return "x-frame-options-not-implemented";
        }
        String result;
        String header = auto.header("x-frame-options");
        if (header == null) {
            result = "x-frame-options-not-implemented";
        } else {
            String value = header.strip().toLowerCase(Locale.ROOT);
            result = value.equals("deny") || value.equals("sameorigin") ? "x-frame-options-sameorigin-or-deny"
                    : value.startsWith("allow-from") ? "x-frame-options-allow-from-origin"
                    : "x-frame-options-header-invalid";
        }
        if (csp != null && csp.containsKey("frame-ancestors")) {
            result = "x-frame-options-implemented-via-csp";
        }
        return result;
    }
}
