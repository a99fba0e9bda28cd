package dev.portcullis.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mozilla HTTP Observatory's ten tests and its scoring (algorithm of {@code @mdn/mdn-http-observatory} 1.4), written
 * from its published rules: start at 100, add each test's modifier, count bonuses only when the score without them
 * is at least 90, and map the score to a grade. HSTS preload lists are not consulted (the scanner's own list is empty
 * in our CI install as well).
 */
final class ObservatoryGrade {

    /** One test's outcome: the Observatory's expectation name, its modifier and whether it passed. */
    record TestResult(String test, String result, int modifier, boolean pass, String advice) {
    }

    /** What the checkup fetched, as the scanner sees it. */
    record Responses(Probe.Fetched http, Probe.Fetched https, Probe.Fetched auto, Probe.Fetched cors) {
    }

    static final int SIX_MONTHS = 15_552_000;
    static final int MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90;

    private static final Set<String> BROAD = Set.of("ftp:", "http:", "https:", "*", "http://*", "http://*.*",
            "https://*", "https://*.*");
    private static final Set<String> BROAD_OR_INLINE;
    private static final List<String> NONCES = List.of("'sha256-", "'sha384-", "'sha512-", "'nonce-");
    private static final Set<String> PASSIVE = Set.of("img-src", "media-src");
    private static final Set<String> ALLOWED_DUPLICATES = Set.of("report-uri", "report-to");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);

    static {
        Set<String> set = new LinkedHashSet<>(BROAD);
        set.add("'unsafe-inline'");
        set.add("data:");
        BROAD_OR_INLINE = Set.copyOf(set);
    }

    /** Modifier of each result, from the Observatory's score table. */
    static final Map<String, Integer> MODIFIERS = Map.ofEntries(
            Map.entry("csp-implemented-with-no-unsafe-default-src-none", 10),
            Map.entry("csp-implemented-with-no-unsafe", 5),
            Map.entry("csp-implemented-with-unsafe-inline-in-style-src-only", 0),
            Map.entry("csp-implemented-with-insecure-scheme-in-passive-content-only", -10),
            Map.entry("csp-implemented-with-unsafe-eval", -10),
            Map.entry("csp-implemented-with-unsafe-inline", -20),
            Map.entry("csp-implemented-with-insecure-scheme", -20),
            Map.entry("csp-header-invalid", -25),
            Map.entry("csp-not-implemented", -25),
            Map.entry("csp-not-implemented-but-reporting-enabled", -25),
            Map.entry("csp-implemented-but-duplicate-directives", 0),
            Map.entry("cookies-secure-with-httponly-sessions-and-samesite", 5),
            Map.entry("cookies-secure-with-httponly-sessions", 0),
            Map.entry("cookies-not-found", 0),
            Map.entry("cookies-without-secure-flag-but-protected-by-hsts", -5),
            Map.entry("cookies-session-without-secure-flag-but-protected-by-hsts", -10),
            Map.entry("cookies-without-secure-flag", -20),
            Map.entry("cookies-samesite-flag-invalid", -20),
            Map.entry("cookies-anticsrf-without-samesite-flag", -20),
            Map.entry("cookies-session-without-httponly-flag", -30),
            Map.entry("cookies-session-without-secure-flag", -40),
            Map.entry("cross-origin-resource-sharing-not-implemented", 0),
            Map.entry("cross-origin-resource-sharing-implemented-with-public-access", 0),
            Map.entry("cross-origin-resource-sharing-implemented-with-restricted-access", 0),
            Map.entry("cross-origin-resource-sharing-implemented-with-universal-access", -50),
            Map.entry("redirection-to-https", 0),
            Map.entry("redirection-not-needed-no-http", 0),
            Map.entry("redirection-off-host-from-http", -5),
            Map.entry("redirection-not-to-https-on-initial-redirection", -10),
            Map.entry("redirection-not-to-https", -20),
            Map.entry("redirection-missing", -20),
            Map.entry("redirection-invalid-cert", -20),
            Map.entry("referrer-policy-private", 5),
            Map.entry("referrer-policy-not-implemented", 0),
            Map.entry("referrer-policy-unsafe", -5),
            Map.entry("referrer-policy-header-invalid", -5),
            Map.entry("hsts-implemented-max-age-at-least-six-months", 0),
            Map.entry("hsts-implemented-max-age-less-than-six-months", -10),
            Map.entry("hsts-not-implemented", -20),
            Map.entry("hsts-header-invalid", -20),
            Map.entry("hsts-not-implemented-no-https", -20),
            Map.entry("hsts-invalid-cert", -20),
            Map.entry("sri-implemented-and-all-scripts-loaded-securely", 5),
            Map.entry("sri-implemented-and-external-scripts-loaded-securely", 5),
            Map.entry("sri-not-implemented-response-not-html", 0),
            Map.entry("sri-not-implemented-but-no-scripts-loaded", 0),
            Map.entry("sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0),
            Map.entry("sri-not-implemented-but-external-scripts-loaded-securely", -5),
            Map.entry("sri-implemented-but-external-scripts-not-loaded-securely", -20),
            Map.entry("sri-not-implemented-and-external-scripts-not-loaded-securely", -50),
            Map.entry("x-content-type-options-nosniff", 0),
            Map.entry("x-content-type-options-not-implemented", -5),
            Map.entry("x-content-type-options-header-invalid", -5),
            Map.entry("x-frame-options-implemented-via-csp", 5),
            Map.entry("x-frame-options-sameorigin-or-deny", 0),
            Map.entry("x-frame-options-allow-from-origin", 0),
            Map.entry("x-frame-options-not-implemented", -20),
            Map.entry("x-frame-options-header-invalid", -20),
            Map.entry("cross-origin-resource-policy-not-implemented", 0),
            Map.entry("cross-origin-resource-policy-implemented-with-same-origin", 10),
            Map.entry("cross-origin-resource-policy-implemented-with-same-site", 10),
            Map.entry("cross-origin-resource-policy-implemented-with-cross-origin", 0),
            Map.entry("cross-origin-resource-policy-header-invalid", -5));

    private ObservatoryGrade() {
    }

    /** The grade for a score, as the Observatory's chart: multiples of 5, 100 and above is A+. */
    static String grade(int score) {
        int key = Math.min(Math.max(score, 0) - Math.max(score, 0) % 5, 100);
        if (key >= 100) {
            return "A+";
        }
        if (key >= 90) {
            return "A";
        }
        if (key == 85) {
            return "A-";
        }
        if (key == 80) {
            return "B+";
        }
        if (key >= 70) {
            return "B";
        }
        if (key == 65) {
            return "B-";
        }
        if (key == 60) {
            return "C+";
        }
        if (key >= 50) {
            return "C";
        }
        if (key == 45) {
            return "C-";
        }
        if (key == 40) {
            return "D+";
        }
        if (key >= 30) {
            return "D";
        }
        if (key == 25) {
            return "D-";
        }
        return "F";
    }

    /** The score of a set of test results: bonuses only count when the score without them reaches 90. */
    static int score(List<TestResult> results) {
        int withBonus = 100;
        int uncurved = 100;
        for (TestResult result : results) {
            withBonus += result.modifier();
            if (result.modifier() < 0) {
                uncurved += result.modifier();
            }
        }
        return Math.max(0, uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withBonus : uncurved);
    }

    static List<TestResult> run(Responses r, String hostname) {
        Map<String, Set<String>> csp;
        String cspResult;
        try {
            csp = r.auto() == null ? null : parseCsp(r.auto().headers("content-security-policy"));
            cspResult = cspResult(r, csp);
        } catch (IllegalArgumentException invalid) {
            csp = null;
            cspResult = "csp-header-invalid";
        }
        List<TestResult> results = new ArrayList<>();
        String hsts = hsts(r.https());
        results.add(result("content-security-policy", cspResult, Set.of("csp-implemented-with-no-unsafe",
                "csp-implemented-with-no-unsafe-default-src-none", "csp-implemented-with-unsafe-inline-in-style-src-only",
                "csp-implemented-with-insecure-scheme-in-passive-content-only", "csp-implemented-but-duplicate-directives"),
                "Set a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval' in script-src."));
        results.add(result("cookies", cookies(r.auto(), hsts), Set.of("cookies-not-found",
                "cookies-secure-with-httponly-sessions-and-samesite", "cookies-secure-with-httponly-sessions"),
                "Mark every cookie Secure, session cookies HttpOnly, and set SameSite."));
        results.add(result("cross-origin-resource-sharing", cors(r.cors()), Set.of(
                "cross-origin-resource-sharing-not-implemented",
                "cross-origin-resource-sharing-implemented-with-public-access",
                "cross-origin-resource-sharing-implemented-with-restricted-access"),
                "Do not reflect arbitrary origins with Access-Control-Allow-Credentials: true."));
        results.add(result("redirection", redirection(r.http()), Set.of("redirection-to-https",
                "redirection-not-needed-no-http"), "Redirect http:// to https:// on the same host first."));
        results.add(result("referrer-policy", referrer(r.auto()), Set.of("referrer-policy-private",
                "referrer-policy-not-implemented"), "Send Referrer-Policy: strict-origin-when-cross-origin or stricter."));
        results.add(result("strict-transport-security", hsts,
                Set.of("hsts-implemented-max-age-at-least-six-months"),
                "Serve over HTTPS with a valid certificate and Strict-Transport-Security: max-age=63072000."));
        results.add(result("subresource-integrity", sri(r.auto(), hostname), Set.of(
                "sri-implemented-and-all-scripts-loaded-securely", "sri-implemented-and-external-scripts-loaded-securely",
                "sri-not-implemented-response-not-html", "sri-not-implemented-but-no-scripts-loaded",
                "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"),
                "Load scripts from your own origin, or with integrity= over HTTPS."));
        results.add(result("x-content-type-options", nosniff(r.auto()), Set.of("x-content-type-options-nosniff"),
                "Send X-Content-Type-Options: nosniff."));
        results.add(result("x-frame-options", frameOptions(r.auto(), csp), Set.of("x-frame-options-implemented-via-csp",
                "x-frame-options-sameorigin-or-deny", "x-frame-options-allow-from-origin"),
                "Send X-Frame-Options: DENY or CSP frame-ancestors 'none'."));
        results.add(result("cross-origin-resource-policy", corp(r.auto()), Set.of(
                "cross-origin-resource-policy-not-implemented", "cross-origin-resource-policy-implemented-with-same-site",
                "cross-origin-resource-policy-implemented-with-same-origin",
                "cross-origin-resource-policy-implemented-with-cross-origin"),
                "Send Cross-Origin-Resource-Policy: same-origin."));
        return results;
    }

    /** Failed tests, worst modifier first: what to fix first. */
    static List<TestResult> fixFirst(List<TestResult> results) {
        return results.stream().filter(t -> t.modifier() < 0)
                .sorted(Comparator.comparingInt(TestResult::modifier)).toList();
    }

    private static TestResult result(String test, String result, Set<String> passing, String advice) {
        return new TestResult(test, result, MODIFIERS.getOrDefault(result, 0), passing.contains(result), advice);
    }

    /** Parses policies as the Observatory does; throws IllegalArgumentException for an invalid one. */
    static Map<String, Set<String>> parseCsp(List<String> policies) {
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
            csp.put("_duplicates", Set.of());
        }
        return csp;
    }

    private static String cspResult(Responses r, Map<String, Set<String>> csp) {
        if (r.auto() == null) {
            return "csp-not-implemented";
        }
        if (csp.isEmpty() || csp.keySet().equals(Set.of("_duplicates"))) {
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
            if (!PASSIVE.contains(directive) && !directive.equals("script-src") && !directive.equals("_duplicates")) {
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
        if (passes && csp.containsKey("_duplicates")) {
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

    static String hsts(Probe.Fetched https) {
        if (https == null) {
            return "hsts-not-implemented-no-https";
        }
        if (!https.verified()) {
            return "hsts-invalid-cert";
        }
        List<String> headers = https.headers("strict-transport-security");
        if (headers.isEmpty()) {
            return "hsts-not-implemented";
        }
        String header = headers.getFirst();
        if (header.contains(",")) {
            return "hsts-header-invalid";
        }
        Long maxAge = null;
        for (String parameter : header.split(";")) {
            String p = parameter.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("max-age=")) {
                try {
                    maxAge = Long.parseLong(p.substring(8).replaceAll("\"", "").replaceAll("^(\\d+).*", "$1"));
                } catch (NumberFormatException e) {
                    return "hsts-header-invalid";
                }
            }
        }
        if (maxAge == null) {
            return "hsts-header-invalid";
        }
        return maxAge < SIX_MONTHS ? "hsts-implemented-max-age-less-than-six-months"
                : "hsts-implemented-max-age-at-least-six-months";
    }

    private static final List<String> COOKIE_ORDER = List.of("cookies-without-secure-flag-but-protected-by-hsts",
            "cookies-without-secure-flag", "cookies-session-without-secure-flag-but-protected-by-hsts",
            "cookies-samesite-flag-invalid", "cookies-anticsrf-without-samesite-flag",
            "cookies-session-without-httponly-flag", "cookies-session-without-secure-flag");

    private static String worse(String candidate, String current) {
        if (current == null || COOKIE_ORDER.indexOf(candidate) > COOKIE_ORDER.indexOf(current)) {
            return candidate;
        }
        return current;
    }

    static String cookies(Probe.Fetched auto, String hsts) {
        boolean hstsPasses = hsts.equals("hsts-implemented-max-age-at-least-six-months");
        List<String> raw = auto == null ? List.of() : auto.sessionCookies();
        String result = null;
        for (String cookie : raw) {
            String sameSite = attribute(cookie, "samesite");
            if (sameSite != null && !Set.of("lax", "strict", "none").contains(sameSite.toLowerCase(Locale.ROOT))) {
                result = worse("cookies-samesite-flag-invalid", result);
            }
        }
        if (raw.isEmpty()) {
            return "cookies-not-found";
        }
        boolean missingSameSite = false;
        for (String cookie : raw) {
            String name = cookie.split("=", 2)[0].strip().toLowerCase(Locale.ROOT);
            boolean session = name.contains("login") || name.contains("sess");
            boolean antiCsrf = name.contains("csrf");
            boolean secure = flag(cookie, "secure");
            boolean httpOnly = flag(cookie, "httponly");
            String sameSite = attribute(cookie, "samesite");
            boolean hasSameSite = sameSite != null && Set.of("lax", "strict", "none")
                    .contains(sameSite.toLowerCase(Locale.ROOT));
            if (!secure && hasSameSite && sameSite.equalsIgnoreCase("none")) {
                result = worse("cookies-samesite-flag-invalid", result);
            }
            if (!secure) {
                result = worse(hstsPasses ? "cookies-without-secure-flag-but-protected-by-hsts"
                        : "cookies-without-secure-flag", result);
            }
            if (antiCsrf && !hasSameSite) {
                result = worse("cookies-anticsrf-without-samesite-flag", result);
            }
            if (session && !secure) {
                result = worse(hstsPasses ? "cookies-session-without-secure-flag-but-protected-by-hsts"
                        : "cookies-session-without-secure-flag", result);
            }
            if (session && !httpOnly) {
                result = worse("cookies-session-without-httponly-flag", result);
            }
            missingSameSite |= !hasSameSite;
        }
        if (result == null) {
            result = missingSameSite ? "cookies-secure-with-httponly-sessions"
                    : "cookies-secure-with-httponly-sessions-and-samesite";
        }
        return result;
    }

    private static boolean flag(String cookie, String name) {
        return Arrays.stream(cookie.split(";")).skip(1).map(p -> p.strip().split("=", 2)[0].strip())
                .anyMatch(p -> p.equalsIgnoreCase(name));
    }

    private static String attribute(String cookie, String name) {
        return Arrays.stream(cookie.split(";")).skip(1).map(p -> p.strip().split("=", 2))
                .filter(p -> p[0].strip().equalsIgnoreCase(name)).map(p -> p.length > 1 ? p[1].strip() : "")
                .findFirst().orElse(null);
    }

    static String cors(Probe.Fetched cors) {
        if (cors == null || cors.header("access-control-allow-origin") == null) {
            return "cross-origin-resource-sharing-not-implemented";
        }
        String acao = cors.header("access-control-allow-origin").strip().toLowerCase(Locale.ROOT);
        if (acao.equals("*")) {
            return "cross-origin-resource-sharing-implemented-with-public-access";
        }
        String credentials = cors.header("access-control-allow-credentials");
        if (acao.equals(Probe.CORS_ORIGIN) && credentials != null && credentials.strip().equalsIgnoreCase("true")) {
            return "cross-origin-resource-sharing-implemented-with-universal-access";
        }
        return "cross-origin-resource-sharing-implemented-with-restricted-access";
    }

    static String redirection(Probe.Fetched http) {
        if (http == null) {
            return "redirection-not-needed-no-http";
        }
        if (!http.verified()) {
            return "redirection-invalid-cert";
        }
        List<java.net.URI> route = http.route();
        if (route.size() == 1) {
            return "redirection-missing";
        }
        if (!route.getLast().getScheme().equals("https")) {
            return "redirection-not-to-https";
        }
        if (route.get(1).getScheme().equals("http")) {
            return "redirection-not-to-https-on-initial-redirection";
        }
        if (!route.get(0).getHost().equalsIgnoreCase(route.get(1).getHost())) {
            return "redirection-off-host-from-http";
        }
        return "redirection-to-https";
    }

    private static final List<String> GOOD_REFERRERS = List.of("no-referrer", "same-origin", "strict-origin",
            "strict-origin-when-cross-origin");
    private static final List<String> BAD_REFERRERS = List.of("origin", "origin-when-cross-origin", "unsafe-url",
            "no-referrer-when-downgrade");

    static String referrer(Probe.Fetched auto) {
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

    static String nosniff(Probe.Fetched auto) {
        String header = auto == null ? null : auto.header("x-content-type-options");
        if (header == null) {
            return "x-content-type-options-not-implemented";
        }
        return header.strip().equalsIgnoreCase("nosniff") ? "x-content-type-options-nosniff"
                : "x-content-type-options-header-invalid";
    }

    static String frameOptions(Probe.Fetched auto, Map<String, Set<String>> csp) {
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

    static String corp(Probe.Fetched auto) {
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

    static String sri(Probe.Fetched auto, String hostname) {
        if (auto == null) {
            return "sri-not-implemented-but-no-scripts-loaded";
        }
        String type = auto.header("content-type");
        String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!mime.equals("text/html") && !mime.equals("application/xhtml+xml")) {
            return "sri-not-implemented-response-not-html";
        }
        Matcher scripts = SCRIPT.matcher(auto.body());
        boolean any = false;
        boolean foreign = false;
        String result = null;
        List<String> order = List.of("sri-implemented-and-all-scripts-loaded-securely",
                "sri-implemented-and-external-scripts-loaded-securely",
                "sri-implemented-but-external-scripts-not-loaded-securely",
                "sri-not-implemented-but-external-scripts-loaded-securely",
                "sri-not-implemented-and-external-scripts-not-loaded-securely",
                "sri-not-implemented-response-not-html");
        while (scripts.find()) {
            any = true;
            String attributes = scripts.group(1);
            Matcher src = SRC.matcher(attributes);
            if (!src.find()) {
                continue;
            }
            String url = src.group(1);
            boolean integrity = attributes.toLowerCase(Locale.ROOT).contains("integrity=");
            boolean relativeProtocol = url.matches("^//[^/].*");
            boolean absolute = url.matches("(?i)^https?://.*");
            boolean sameDomain = relativeProtocol || !absolute || registrable(java.net.URI.create(url).getHost())
                    .equals(registrable(hostname));
            boolean relativeOrigin = !relativeProtocol && !absolute;
            boolean secureOrigin = relativeOrigin || (sameDomain && !relativeProtocol);
            boolean secureScheme = (absolute && url.toLowerCase(Locale.ROOT).startsWith("https:"))
                    || (relativeOrigin && auto.url().getScheme().equals("https"));
            if (!secureOrigin) {
                foreign = true;
                String candidate = integrity && !secureScheme ? "sri-implemented-but-external-scripts-not-loaded-securely"
                        : !integrity && secureScheme ? "sri-not-implemented-but-external-scripts-loaded-securely"
                        : !integrity ? "sri-not-implemented-and-external-scripts-not-loaded-securely" : null;
                if (candidate != null && (result == null || order.indexOf(candidate) > order.indexOf(result))) {
                    result = candidate;
                }
            } else if (integrity && secureScheme && result == null) {
                result = "sri-implemented-and-all-scripts-loaded-securely";
            }
        }
        if (!any) {
            return "sri-not-implemented-but-no-scripts-loaded";
        }
        if (result == null) {
            return foreign ? "sri-implemented-and-external-scripts-loaded-securely"
                    : "sri-not-implemented-but-all-scripts-loaded-from-secure-origin";
        }
        return result;
    }

    private static String registrable(String host) {
        if (host == null) {
            return "";
        }
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
        return labels.length <= 2 ? host.toLowerCase(Locale.ROOT)
                : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
