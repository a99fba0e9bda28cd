package dev.portcullis.checks.checkup.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Content-Security-Policy headers read as the Observatory reads them; shared by the CSP test and the X-Frame-Options
 * test, which gives credit for {@code frame-ancestors}.
 */
final class ContentSecurityPolicy {

    /** The key that marks a policy with a repeated report-uri or report-to, which the Observatory tolerates. */
    static final String DUPLICATES = "_duplicates";

    private static final Set<String> ALLOWED_DUPLICATES = Set.of("report-uri", "report-to");

    private ContentSecurityPolicy() {
    }

    /** The page's policy, or null when there is no page or its policy is invalid. */
    static Map<String, Set<String>> ofPageOrNull(Probe.Fetched auto) {
        if (auto == null) {
            return null;
        }
        try {
            return parse(auto.headers("content-security-policy"));
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    /** Parses policies as the Observatory does; throws IllegalArgumentException for an invalid one. */
    static Map<String, Set<String>> parse(List<String> policies) {
        Map<String, Set<String>> csp = new LinkedHashMap<>();
        boolean first = true;
        boolean duplicates = false;
        for (String raw : policies) {
            String policy = raw.replaceAll("[\r\n]", "").strip();
            if (policy.length() < 6) {
                throw new IllegalArgumentException("Invalid policy: " + policy);
            }
            Set<String> seen = new LinkedHashSet<>();
            Map<String, Set<String>> thisPolicy = new LinkedHashMap<>();
            for (String entry : policy.split(";")) {
                String[] parts = entry.strip().split("\\s+");
                if (parts[0].isEmpty()) {
                    continue;
                }
                String directive = parts[0].toLowerCase(Locale.ROOT);
                if (!seen.add(directive)) {
                    if (ALLOWED_DUPLICATES.contains(directive)) {
                        duplicates = true;
                        continue;
                    }
                    throw new IllegalArgumentException("Duplicate directive " + directive);
                }
                Set<String> sources = new LinkedHashSet<>();
                Arrays.stream(parts).skip(1).map(s -> s.strip().toLowerCase(Locale.ROOT)).forEach(sources::add);
                if (sources.isEmpty() && directive.endsWith("-src")) {
                    sources.add("'none'");
                }
                thisPolicy.put(directive, sources);
            }
            if (first) {
                csp.putAll(thisPolicy);
            } else {
                // A source has to be allowed by every policy to count.
                thisPolicy.forEach((directive, sources) -> csp.merge(directive, sources, (a, b) -> {
                    Set<String> both = new LinkedHashSet<>(a);
                    both.retainAll(b);
                    return both;
                }));
            }
            first = false;
        }
        csp.replaceAll((directive, sources) -> sources.isEmpty() ? Set.of("'none'") : sources);
        if (duplicates) {
            csp.put(DUPLICATES, Set.of());
        }
        return csp;
    }
}
