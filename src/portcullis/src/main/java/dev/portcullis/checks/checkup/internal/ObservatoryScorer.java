package dev.portcullis.checks.checkup.internal;

import java.util.Set;

/**
 * One of the HTTP Observatory's tests: reads what the checkup fetched and names the Observatory's result for it. The
 * result's modifier and the grade are the business of {@link ObservatoryScoring} alone, so a scorer never adds up.
 */
interface ObservatoryScorer {

    /** The Observatory's name of the test, such as {@code strict-transport-security}. */
    String test();

    /** The results the Observatory counts as a pass. */
    Set<String> passing();

    /** What to change when the test does not pass, in one sentence for the site's administrator. */
    String advice();

    /** The Observatory's result name for these responses, such as {@code hsts-not-implemented}. */
    String result(ObservatoryGrade.Responses responses, String hostname);
}
