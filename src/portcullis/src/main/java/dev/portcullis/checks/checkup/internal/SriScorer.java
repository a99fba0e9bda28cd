package dev.portcullis.checks.checkup.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Subresource integrity: scripts from another site are loaded over HTTPS with integrity=. */
final class SriScorer implements ObservatoryScorer {

    private static final Set<String> PASSING = Set.of(
            "sri-implemented-and-all-scripts-loaded-securely",
            "sri-implemented-and-external-scripts-loaded-securely",
            "sri-not-implemented-response-not-html",
            "sri-not-implemented-but-no-scripts-loaded",
            "sri-not-implemented-but-all-scripts-loaded-from-secure-origin");

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);

    @Override
    public String test() {
        return "subresource-integrity";
    }

    @Override
    public Set<String> passing() {
        return PASSING;
    }

    @Override
    public String advice() {
        return "Load scripts from your own origin, or with integrity= over HTTPS.";
    }

    @Override
    public String result(ObservatoryGrade.Responses responses, String hostname) {
        return of(responses.auto(), hostname);
    }

    static String of(Probe.Fetched auto, String hostname) {
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
