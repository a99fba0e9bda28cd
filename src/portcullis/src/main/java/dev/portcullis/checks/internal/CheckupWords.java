package dev.portcullis.checks.internal;

import java.util.Locale;

import dev.portcullis.i18n.Messages;

/**
 * The live checkup's words for people, in the user's language: the view's heading, field, button and refusals, and
 * what a grade means. The findings of the probes stay English: they are developer diagnostics, like the deploy
 * checks' (Django's check framework does the same).
 */
public final class CheckupWords {

    private CheckupWords() {
    }

    /** "Live checkup". */
    public static String title() {
        return Messages.get("checks.checkup.title");
    }

    /** What the checkup does, under its heading. */
    public static String intro() {
        return Messages.get("checks.checkup.intro");
    }

    /** The label of the field naming the site. */
    public static String site() {
        return Messages.get("checks.checkup.site");
    }

    /** The helper text of the field naming the site. */
    public static String siteHelp() {
        return Messages.get("checks.checkup.site.help");
    }

    /** The button that starts the checkup. */
    public static String run() {
        return Messages.get("checks.checkup.run");
    }

    /** The field's error for something that is neither an http(s) URL nor a host name. */
    public static String invalidUrl() {
        return Messages.get("checks.checkup.invalid-url");
    }

    /** The field's error for a malformed URL, with the parser's detail. */
    public static String notAUrl(String detail) {
        return Messages.get("checks.checkup.not-a-url", detail);
    }

    /** "Grade B · score 70". */
    public static String grade(CheckupResult result) {
        return Messages.get("checks.checkup.grade", result.grade(), result.score());
    }

    /** What the result's grade means, in a sentence: A+ to A- read alike, and so on down to F. */
    public static String gradeMeaning(CheckupResult result) {
        return switch (result.grade().isEmpty() ? "F" : result.grade().substring(0, 1).toUpperCase(Locale.ROOT)) {
            case "A" -> Messages.get("checks.checkup.grade.A");
            case "B" -> Messages.get("checks.checkup.grade.B");
            case "C" -> Messages.get("checks.checkup.grade.C");
            case "D" -> Messages.get("checks.checkup.grade.D");
            default -> Messages.get("checks.checkup.grade.F");
        };
    }

    /** "Fix first", the heading of the tests that cost points. */
    public static String fixFirst() {
        return Messages.get("checks.checkup.fix-first");
    }

    /** "-25 points": what a test costs (or adds). */
    public static String points(int modifier) {
        return Messages.get("checks.checkup.points", modifier);
    }
}
