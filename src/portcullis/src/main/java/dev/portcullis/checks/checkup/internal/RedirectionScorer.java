package dev.portcullis.checks.checkup.internal;

import java.util.List;
import java.util.Set;

/** Redirection: http:// first redirects to https:// on the same host. */
final class RedirectionScorer implements ObservatoryScorer {

    private static final Set<String> PASSING = Set.of(
            "redirection-to-https",
            "redirection-not-needed-no-http");

    @Override
    public String test() {
        return "redirection";
    }

    @Override
    public Set<String> passing() {
        return PASSING;
    }

    @Override
    public String advice() {
        return "Redirect http:// to https:// on the same host first.";
    }

    @Override
    public String result(ObservatoryGrade.Responses responses, String hostname) {
        return of(responses.http());
    }

    static String of(Probe.Fetched http) {
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
}
