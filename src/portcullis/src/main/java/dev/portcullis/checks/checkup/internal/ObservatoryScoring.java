package dev.portcullis.checks.checkup.internal;

import java.util.List;
import java.util.Map;

/**
 * The HTTP Observatory's published scoring, in one place: each result's modifier, the start at 100, bonuses counted
 * only when the score without them reaches 90, and the grade chart.
 */
final class ObservatoryScoring {

    static final int BASE_SCORE = 100;
    static final int MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90;

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

    private ObservatoryScoring() {
    }

    /** A result's modifier; a result the table does not know counts nothing. */
    static int modifier(String result) {
        return MODIFIERS.getOrDefault(result, 0);
    }

    /** The score of a set of test results: bonuses only count when the score without them reaches 90. */
    static int score(List<ObservatoryGrade.TestResult> results) {
        int withBonus = BASE_SCORE;
        int uncurved = BASE_SCORE;
        for (ObservatoryGrade.TestResult result : results) {
            withBonus += result.modifier();
            if (result.modifier() < 0) {
                uncurved += result.modifier();
            }
        }
        return Math.max(0, uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withBonus : uncurved);
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
}
