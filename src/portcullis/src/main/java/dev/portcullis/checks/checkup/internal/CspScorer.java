package dev.portcullis.checks.checkup.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Content Security Policy: what scripts, styles and objects the page allows, and from where. */
final class CspScorer implements ObservatoryScorer {

    private static final Set<String> PASSING = Set.of(
            "csp-implemented-with-no-unsafe",
            "csp-implemented-with-no-unsafe-default-src-none",
            "csp-implemented-with-unsafe-inline-in-style-src-only",
            "csp-implemented-with-insecure-scheme-in-passive-content-only",
            "csp-implemented-but-duplicate-directives");

    private static final Set<String> BROAD = Set.of("ftp:", "http:", "https:", "*", "http://*", "http://*.*",
            "https://*", "https://*.*");
    private static final Set<String> BROAD_OR_INLINE;
    private static final List<String> NONCES = List.of("'sha256-", "'sha384-", "'sha512-", "'nonce-");
    private static final Set<String> PASSIVE = Set.of("img-src", "media-src");

    static {
        Set<String> set = new LinkedHashSet<>(BROAD);
        set.add("'unsafe-inline'");
        set.add("data:");
        BROAD_OR_INLINE = Set.copyOf(set);
    }

    @Override
    public String test() {
        return "content-security-policy";
    }

    @Override
    public Set<String> passing() {
        return PASSING;
    }

    @Override
    public String advice() {
        return "Set a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval' in script-src.";
    }

    @Override
    public String result(ObservatoryGrade.Responses responses, String hostname) {
        return of(responses);
    }

    static String of(ObservatoryGrade.Responses r) {
        if (r.auto() == null) {
            return "csp-not-implemented";
        }
        Map<String, Set<String>> csp;
        try {
            csp = ContentSecurityPolicy.parse(r.auto().headers("content-security-policy"));
        } catch (IllegalArgumentException invalid) {
            return "csp-header-invalid";
        }
        return graded(r, csp);
    }

    private static String graded(ObservatoryGrade.Responses r, Map<String, Set<String>> csp) {
        if (csp.isEmpty() || csp.keySet().equals(Set.of(ContentSecurityPolicy.DUPLICATES))) {
            return r.auto().header("content-security-policy-report-only") != null
                    ? "csp-not-implemented-but-reporting-enabled" : "csp-not-implemented";
        }
        Set<String> defaultSrc = csp.get("default-src");
        Set<String> objectSrc = copy(csp.getOrDefault("object-src", defaultSrc));
        Set<String> scriptSrc = copy(csp.getOrDefault("script-src", defaultSrc));
        Set<String> styleSrc = copy(csp.getOrDefault("style-src", defaultSrc));
        for (Set<String> list : List.of(scriptSrc, styleSrc)) {
            if (hasNonce(list)) {
                list.remove("'unsafe-inline'");
            }
        }
        String result = null;
        if (hasNonce(scriptSrc) && scriptSrc.contains("'strict-dynamic'")) {
            scriptSrc.removeIf(s -> BROAD.stream().anyMatch(s::startsWith) || s.equals("'self'")
                    || s.equals("'unsafe-inline'"));
        } else if (scriptSrc.contains("'strict-dynamic'")) {
            result = "csp-header-invalid";
        }
        boolean https = r.auto().url().getScheme().equals("https");
        List<String> active = new ArrayList<>();
        csp.forEach((directive, sources) -> {
            if (!PASSIVE.contains(directive) && !directive.equals("script-src") && !directive.equals(ContentSecurityPolicy.DUPLICATES)) {
                active.addAll(sources);
            }
        });
        active.addAll(scriptSrc);
        List<String> passive = new ArrayList<>();
        for (String directive : PASSIVE) {
            Set<String> sources = csp.getOrDefault(directive, defaultSrc);
            if (sources != null) {
                passive.addAll(sources);
            }
        }
        if (scriptSrc.stream().anyMatch(BROAD_OR_INLINE::contains) || objectSrc.stream().anyMatch(BROAD::contains)) {
            result = first(result, "csp-implemented-with-unsafe-inline");
        }
        if (https && active.stream().anyMatch(s -> s.startsWith("http:") || s.startsWith("ftp:"))) {
            result = first(result, "csp-implemented-with-insecure-scheme");
        }
        if (scriptSrc.contains("'unsafe-eval'") || styleSrc.contains("'unsafe-eval'")) {
            result = first(result, "csp-implemented-with-unsafe-eval");
        }
        if (https && passive.stream().anyMatch(s -> s.startsWith("http:") || s.startsWith("ftp:"))) {
            result = first(result, "csp-implemented-with-insecure-scheme-in-passive-content-only");
        }
        if (styleSrc.stream().anyMatch(BROAD_OR_INLINE::contains)) {
            result = first(result, "csp-implemented-with-unsafe-inline-in-style-src-only");
        }
        if (defaultSrc != null && defaultSrc.equals(Set.of("'none'"))) {
            result = first(result, "csp-implemented-with-no-unsafe-default-src-none");
        } else {
            result = first(result, "csp-implemented-with-no-unsafe");
        }
        boolean passes = Set.of("csp-implemented-with-no-unsafe", "csp-implemented-with-no-unsafe-default-src-none",
                "csp-implemented-with-unsafe-inline-in-style-src-only",
                "csp-implemented-with-insecure-scheme-in-passive-content-only").contains(result);
        if (passes && csp.containsKey(ContentSecurityPolicy.DUPLICATES)) {
            result = "csp-implemented-but-duplicate-directives";
        }
        return result;
    }

    private static Set<String> copy(Set<String> sources) {
        return sources == null ? new LinkedHashSet<>(Set.of("*")) : new LinkedHashSet<>(sources);
    }

    private static boolean hasNonce(Set<String> sources) {
        return sources.stream().anyMatch(s -> NONCES.stream().anyMatch(s::startsWith));
    }

    private static String first(String existing, String candidate) {
        return existing != null ? existing : candidate;
    }
}
