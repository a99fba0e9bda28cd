package dev.portcullis.checks.checkup.internal;

import java.util.Locale;
import java.util.Set;

/** Cross-origin resource sharing: no credentials for an origin the site merely echoes back. */
final class CorsScorer implements ObservatoryScorer {

    private static final Set<String> PASSING = Set.of(
            "cross-origin-resource-sharing-not-implemented",
            "cross-origin-resource-sharing-implemented-with-public-access",
            "cross-origin-resource-sharing-implemented-with-restricted-access");

    @Override
    public String test() {
        return "cross-origin-resource-sharing";
    }

    @Override
    public Set<String> passing() {
        return PASSING;
    }

    @Override
    public String advice() {
        return "Do not reflect arbitrary origins with Access-Control-Allow-Credentials: true.";
    }

    @Override
    public String result(ObservatoryGrade.Responses responses, String hostname) {
        return of(responses.cors());
    }

    static String of(Probe.Fetched cors) {
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
}
