package dev.portcullis.checks.checkup.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Cookies: Secure on every cookie, HttpOnly on session cookies, SameSite; a missing Secure weighs less under HSTS. */
final class CookiesScorer implements ObservatoryScorer {

    private static final Set<String> PASSING = Set.of(
            "cookies-not-found",
            "cookies-secure-with-httponly-sessions-and-samesite",
            "cookies-secure-with-httponly-sessions");

    private static final List<String> COOKIE_ORDER = List.of("cookies-without-secure-flag-but-protected-by-hsts",
            "cookies-without-secure-flag", "cookies-session-without-secure-flag-but-protected-by-hsts",
            "cookies-samesite-flag-invalid", "cookies-anticsrf-without-samesite-flag",
            "cookies-session-without-httponly-flag", "cookies-session-without-secure-flag");

    @Override
    public String test() {
        return "cookies";
    }

    @Override
    public Set<String> passing() {
        return PASSING;
    }

    @Override
    public String advice() {
        return "Mark every cookie Secure, session cookies HttpOnly, and set SameSite.";
    }

    @Override
    public String result(ObservatoryGrade.Responses responses, String hostname) {
        return of(responses.auto(), HstsScorer.of(responses.https()));
    }

    private static String worse(String candidate, String current) {
        if (current == null || COOKIE_ORDER.indexOf(candidate) > COOKIE_ORDER.indexOf(current)) {
            return candidate;
        }
        return current;
    }

    static String of(Probe.Fetched auto, String hsts) {
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
}
