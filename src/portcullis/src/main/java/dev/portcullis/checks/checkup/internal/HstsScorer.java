package dev.portcullis.checks.checkup.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Strict-Transport-Security: HTTPS with a valid certificate, remembered by the browser for at least six months. */
final class HstsScorer implements ObservatoryScorer {

    private static final Set<String> PASSING = Set.of(
            "hsts-implemented-max-age-at-least-six-months");

    static final int SIX_MONTHS = 15_552_000;

    @Override
    public String test() {
        return "strict-transport-security";
    }

    @Override
    public Set<String> passing() {
        return PASSING;
    }

    @Override
    public String advice() {
        return "Serve over HTTPS with a valid certificate and Strict-Transport-Security: max-age=63072000.";
    }

    @Override
    public String result(ObservatoryGrade.Responses responses, String hostname) {
        return of(responses.https());
    }

    static String of(Probe.Fetched https) {
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
}
