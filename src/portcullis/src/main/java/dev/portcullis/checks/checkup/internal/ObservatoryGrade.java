package dev.portcullis.checks.checkup.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mozilla HTTP Observatory's ten tests (algorithm of {@code @mdn/mdn-http-observatory} 1.4), written from its
 * published rules: one {@link ObservatoryScorer} per test names each result, {@link ObservatoryScoring} turns the
 * results into a score and a grade. HSTS preload lists are not consulted (the scanner's own list is empty in our CI
 * install as well).
 */
final class ObservatoryGrade {

    /** One test's outcome: the Observatory's test name, its result, its modifier and whether it passed. */
    record TestResult(String test, String result, int modifier, boolean pass, String advice) {
    }

    /** What the checkup fetched, as the scanner sees it. */
    record Responses(Probe.Fetched http, Probe.Fetched https, Probe.Fetched auto, Probe.Fetched cors) {
    }

    /** The Observatory's tests, in the order its report lists them. */
    private static final List<ObservatoryScorer> SCORERS = List.of(new CspScorer(), new CookiesScorer(),
            new CorsScorer(), new RedirectionScorer(), new ReferrerPolicyScorer(), new HstsScorer(), new SriScorer(),
            new ContentTypeOptionsScorer(), new FrameOptionsScorer(), new ResourcePolicyScorer());

    private ObservatoryGrade() {
    }

    /** Runs every test against what was fetched from {@code hostname}. */
    static List<TestResult> run(Responses responses, String hostname) {
        return SCORERS.stream().map(scorer -> {
            String result = scorer.result(responses, hostname);
            return new TestResult(scorer.test(), result, ObservatoryScoring.modifier(result),
                    scorer.passing().contains(result), scorer.advice());
        }).toList();
    }

    static int score(List<TestResult> results) {
        return ObservatoryScoring.score(results);
    }

    static String grade(int score) {
        return ObservatoryScoring.grade(score);
    }

    static Map<String, Set<String>> parseCsp(List<String> policies) {
        return ContentSecurityPolicy.parse(policies);
    }

    static String referrer(Probe.Fetched auto) {
        return ReferrerPolicyScorer.of(auto);
    }

    static String sri(Probe.Fetched auto, String hostname) {
        return SriScorer.of(auto, hostname);
    }
}
