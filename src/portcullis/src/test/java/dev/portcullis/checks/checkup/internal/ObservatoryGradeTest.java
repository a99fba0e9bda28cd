package dev.portcullis.checks.checkup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The Observatory's rules as we implement them, case by case (the live agreement is CheckupAgreementIT). */
class ObservatoryGradeTest {

    private static Probe.Fetched page(String scheme, Map<String, List<String>> headers, String body) {
        return new Probe.Fetched(URI.create(scheme + "://shop.example.com/"), 200, headers, body, true,
                List.of(URI.create(scheme + "://shop.example.com/")), headers.getOrDefault("Set-Cookie", List.of()),
                Optional.empty());
    }

    private static ObservatoryGrade.Responses https(Map<String, List<String>> headers) {
        Probe.Fetched auto = page("https", headers, "<html></html>");
        return new ObservatoryGrade.Responses(null, auto, auto, null);
    }

    private static String result(List<ObservatoryGrade.TestResult> results, String test) {
        return results.stream().filter(r -> r.test().equals(test)).findFirst().orElseThrow().result();
    }

    @Test
    void gradesFollowTheObservatoryChart() {
        assertThat(ObservatoryGrade.grade(135)).isEqualTo("A+");
        assertThat(ObservatoryGrade.grade(100)).isEqualTo("A+");
        assertThat(ObservatoryGrade.grade(94)).isEqualTo("A");
        assertThat(ObservatoryGrade.grade(85)).isEqualTo("A-");
        assertThat(ObservatoryGrade.grade(80)).isEqualTo("B+");
        assertThat(ObservatoryGrade.grade(65)).isEqualTo("B-");
        assertThat(ObservatoryGrade.grade(55)).isEqualTo("C");
        assertThat(ObservatoryGrade.grade(45)).isEqualTo("C-");
        assertThat(ObservatoryGrade.grade(25)).isEqualTo("D-");
        assertThat(ObservatoryGrade.grade(20)).isEqualTo("F");
        assertThat(ObservatoryGrade.grade(-40)).isEqualTo("F");
    }

    @Test
    void bonusesOnlyCountFromNinetyUp() {
        var bonus = new ObservatoryGrade.TestResult("csp", "csp-implemented-with-no-unsafe-default-src-none", 10, true, "");
        var penalty = new ObservatoryGrade.TestResult("xfo", "x-frame-options-not-implemented", -20, false, "");
        assertThat(ObservatoryGrade.score(List.of(bonus))).isEqualTo(110);
        assertThat(ObservatoryGrade.score(List.of(bonus, penalty))).isEqualTo(80);
    }

    @Test
    void cspRulesMatchTheObservatorys() {
        assertThat(result(ObservatoryGrade.run(https(Map.of("Content-Security-Policy",
                List.of("default-src 'self'; frame-ancestors 'none'"))), "shop.example.com"), "content-security-policy"))
                .isEqualTo("csp-implemented-with-no-unsafe");
        assertThat(result(ObservatoryGrade.run(https(Map.of("Content-Security-Policy",
                List.of("default-src 'none'"))), "shop.example.com"), "content-security-policy"))
                .isEqualTo("csp-implemented-with-no-unsafe-default-src-none");
        assertThat(result(ObservatoryGrade.run(https(Map.of("Content-Security-Policy",
                List.of("script-src 'nonce-abc' 'unsafe-inline'; object-src 'none'; style-src 'self'"))),
                "shop.example.com"), "content-security-policy")).isEqualTo("csp-implemented-with-no-unsafe");
        assertThat(result(ObservatoryGrade.run(https(Map.of("Content-Security-Policy",
                List.of("default-src 'self'; style-src 'self' 'unsafe-inline'"))), "shop.example.com"),
                "content-security-policy")).isEqualTo("csp-implemented-with-unsafe-inline-in-style-src-only");
        assertThat(result(ObservatoryGrade.run(https(Map.of("Content-Security-Policy",
                List.of("default-src 'self' http://cdn.example.com"))), "shop.example.com"), "content-security-policy"))
                .isEqualTo("csp-implemented-with-insecure-scheme");
        assertThat(result(ObservatoryGrade.run(https(Map.of("Content-Security-Policy-Report-Only",
                List.of("default-src 'none'"))), "shop.example.com"), "content-security-policy"))
                .isEqualTo("csp-not-implemented-but-reporting-enabled");
        assertThatThrownBy(() -> ObservatoryGrade.parseCsp(List.of("default-src 'self'; default-src 'none'")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hstsAndCookiesDependOnEachOther() {
        Map<String, List<String>> shortHsts = Map.of("Strict-Transport-Security", List.of("max-age=300"),
                "Set-Cookie", List.of("SESSION=1; Secure"));
        var results = ObservatoryGrade.run(https(shortHsts), "shop.example.com");
        assertThat(result(results, "strict-transport-security")).isEqualTo("hsts-implemented-max-age-less-than-six-months");
        assertThat(result(results, "cookies")).isEqualTo("cookies-session-without-httponly-flag");

        Map<String, List<String>> longHsts = Map.of("Strict-Transport-Security", List.of("max-age=63072000"),
                "Set-Cookie", List.of("SESSION=1; HttpOnly", "theme=dark; Secure; SameSite=Lax"));
        assertThat(result(ObservatoryGrade.run(https(longHsts), "shop.example.com"), "cookies"))
                .isEqualTo("cookies-session-without-secure-flag-but-protected-by-hsts");
    }

    @Test
    void theLastValidReferrerPolicyWins() {
        assertThat(ObservatoryGrade.referrer(page("https", Map.of("Referrer-Policy",
                List.of("unsafe-url, no-referrer, bogus")), ""))).isEqualTo("referrer-policy-private");
        assertThat(ObservatoryGrade.referrer(page("https", Map.of("Referrer-Policy", List.of("bogus")), "")))
                .isEqualTo("referrer-policy-header-invalid");
    }

    @Test
    void externalScriptsWithoutIntegrityCostPoints() {
        Map<String, List<String>> html = Map.of("Content-Type", List.of("text/html"));
        assertThat(ObservatoryGrade.sri(page("https", html,
                "<script src=\"https://cdn.other.org/lib.js\"></script>"), "shop.example.com"))
                .isEqualTo("sri-not-implemented-but-external-scripts-loaded-securely");
        assertThat(ObservatoryGrade.sri(page("https", html,
                "<script src=\"http://cdn.other.org/lib.js\"></script>"), "shop.example.com"))
                .isEqualTo("sri-not-implemented-and-external-scripts-not-loaded-securely");
        assertThat(ObservatoryGrade.sri(page("https", html, "<script src=\"/app.js\"></script>"), "shop.example.com"))
                .isEqualTo("sri-not-implemented-but-all-scripts-loaded-from-secure-origin");
    }
}
