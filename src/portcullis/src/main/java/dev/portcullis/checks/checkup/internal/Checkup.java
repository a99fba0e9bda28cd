package dev.portcullis.checks.checkup.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.internal.CheckupResult;

/**
 * The live checkup (tip 10): probes a running site over real HTTP(S) as an attacker's scanner would, grades it with
 * the HTTP Observatory's scoring and adds what the Observatory does not look at: TRACE, a 404 page without debug
 * output, version numbers in headers, the certificate's validity and expiry, the TLS version, the honeypot at
 * {@code /admin/} and links to the admin from the public page.
 */
public final class Checkup {

    /** Warn this many days before the certificate expires. */
    static final int CERTIFICATE_WARNING_DAYS = 30;

    private static final Pattern DEBUG_OUTPUT = Pattern.compile(
            "(?i)(\\bat (java|org|com|dev|jdk)\\.[\\w.$]+\\(|Whitelabel Error Page|Traceback \\(most recent|"
                    + "\\b\\w+(Exception|Error): |<b>Warning</b>:|stack ?trace)");
    private static final Pattern VERSION = Pattern.compile(".*\\d+\\.\\d+.*");

    private final Probe probe;
    private final Clock clock;
    private final SecureRandom random;

    public Checkup(Duration timeout, Clock clock, SecureRandom random) {
        this(timeout, clock, random, defaultContext());
    }

    public Checkup(Duration timeout, Clock clock, SecureRandom random, javax.net.ssl.SSLContext trust) {
        this.probe = new Probe(timeout, trust);
        this.clock = clock;
        this.random = random;
    }

    /**
     * Probes a site as the Observatory does: {@code http://host/} and {@code https://host/} when given a bare host
     * or a URL without a port; only the given URL when it names a port (a test server, a development start).
     *
     * @param target URL or host name
     * @param adminPath the admin's path, which no public page should link to
     */
    public CheckupResult run(String target, String adminPath) {
        URI given = URI.create(target.contains("://") ? target : "https://" + target + "/");
        String host = given.getHost();
        URI http;
        URI https;
        if (given.getPort() == -1) {
            http = URI.create("http://" + host + "/");
            https = URI.create("https://" + host + "/");
        } else {
            http = given.getScheme().equals("http") ? given : null;
            https = given.getScheme().equals("https") ? given : null;
        }
        Optional<Probe.Fetched> httpPage = http == null ? Optional.empty() : probe.get(http);
        Optional<Probe.Fetched> httpsPage = https == null ? Optional.empty() : probe.get(https);
        Probe.Fetched auto = httpsPage.orElse(httpPage.orElse(null));
        if (auto == null) {
            return new CheckupResult(given, clock.instant(), 0, "F", List.of(), List.of(CheckMessage.error(
                    "checkup.E001", given.toString(), "Nothing answered at " + given + ".",
                    "Check portcullis.checkup.url and that the site is up.")));
        }
        Probe.Fetched cors = probe.once(auto.url(), "OPTIONS", Map.of("Access-Control-Request-Method", "GET",
                "Origin", Probe.CORS_ORIGIN)).orElse(null);
        List<ObservatoryGrade.TestResult> results = ObservatoryGrade.run(new ObservatoryGrade.Responses(
                httpPage.orElse(null), httpsPage.orElse(null), auto, cors), host);
        int score = ObservatoryGrade.score(results);
        List<CheckupResult.Test> tests = results.stream().map(r -> new CheckupResult.Test(r.test(), r.result(),
                r.modifier(), r.pass(), r.advice())).toList();
        List<CheckMessage> findings = new ArrayList<>();
        URI base = auto.url().resolve("/");
        trace(base, findings);
        notFoundPage(base, findings);
        versionHeaders(auto, findings);
        certificate(httpsPage.orElse(null), https != null, findings);
        honeypot(base, findings);
        adminLinks(auto, adminPath, findings);
        return new CheckupResult(given, clock.instant(), score, ObservatoryGrade.grade(score), tests,
                List.copyOf(findings));
    }

    private static javax.net.ssl.SSLContext defaultContext() {
        try {
            return javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void trace(URI base, List<CheckMessage> findings) {
        probe.once(base, "TRACE", Map.of("X-Portcullis-Trace", "probe")).filter(r -> r.status() == 200)
                .ifPresent(r -> findings.add(CheckMessage.warning("checkup.W002", base.toString(),
                        "The server answers TRACE with 200: it echoes requests back (cross-site tracing).",
                        "Refuse TRACE (405); Tomcat does unless allowTrace is set.")));
    }

    private void notFoundPage(URI base, List<CheckMessage> findings) {
        String missing = "/portcullis-checkup-" + HexFormat.of().formatHex(randomBytes()) + "/nothing.php?id='";
        probe.once(base.resolve(missing.replace("'", "%27")), "GET", Map.of()).ifPresent(r -> {
            if (r.status() == 200) {
                findings.add(CheckMessage.warning("checkup.W003", base.toString(),
                        "A page that does not exist answers 200 instead of 404.",
                        "Answer unknown paths with 404 so scanners and caches are not misled."));
            }
            if (DEBUG_OUTPUT.matcher(r.body()).find()) {
                findings.add(CheckMessage.warning("checkup.W004", base.toString(),
                        "The error page for a missing path shows debug output (stack trace or exception).",
                        "Set server.error.include-stacktrace=never and include-message=never; use plain error pages."));
            }
        });
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void versionHeaders(Probe.Fetched auto, List<CheckMessage> findings) {
        List<String> leaks = new ArrayList<>();
        for (String name : List.of("Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version",
                "X-Runtime", "X-Generator")) {
            for (String value : auto.headers(name)) {
                if (VERSION.matcher(value).matches() || !name.equals("Server")) {
                    leaks.add(name + ": " + value);
                }
            }
        }
        if (!leaks.isEmpty()) {
            findings.add(CheckMessage.warning("checkup.W005", auto.url().toString(),
                    "Response headers name software and versions (" + String.join("; ", leaks) + ").",
                    "Remove them at the proxy (Server, X-Powered-By): they tell an attacker which exploits to try."));
        }
    }

    private void certificate(Probe.Fetched https, boolean expected, List<CheckMessage> findings) {
        if (https == null) {
            if (expected) {
                findings.add(CheckMessage.error("checkup.E006", "https", "Nothing answers over HTTPS.",
                        "Serve the site over HTTPS (a certificate from Let's Encrypt costs nothing)."));
            }
            return;
        }
        if (!https.verified()) {
            findings.add(CheckMessage.error("checkup.E007", https.url().toString(),
                    "The TLS certificate is not valid for this host (untrusted, self-signed, expired or for another"
                            + " name).",
                    "Install a certificate from a public CA that covers this host name, with its full chain."));
        }
        https.certificate().ifPresent(certificate -> expiry(certificate, https.url(), findings));
        https.tls().map(s -> s.getProtocol()).ifPresent(protocol -> {
            if (!protocol.equals("TLSv1.3") && !protocol.equals("TLSv1.2")) {
                findings.add(CheckMessage.error("checkup.E009", https.url().toString(),
                        "The server negotiated " + protocol + ", below TLS 1.2.",
                        "Offer only TLSv1.3 and TLSv1.2 (server.ssl.enabled-protocols, or at the proxy)."));
            } else if (protocol.equals("TLSv1.2")) {
                findings.add(CheckMessage.info("checkup.I009", https.url().toString(),
                        "The server negotiated TLSv1.2 with a client that offers TLSv1.3.",
                        "Enable TLSv1.3 as well."));
            }
        });
    }

    private void expiry(X509Certificate certificate, URI url, List<CheckMessage> findings) {
        Instant now = clock.instant();
        long days = Duration.between(now, certificate.getNotAfter().toInstant()).toDays();
        if (days < 0) {
            findings.add(CheckMessage.error("checkup.E008", url.toString(),
                    "The TLS certificate expired on " + certificate.getNotAfter().toInstant() + ".",
                    "Renew it now, and automate renewal (certbot, ACME)."));
        } else if (days < CERTIFICATE_WARNING_DAYS) {
            findings.add(CheckMessage.warning("checkup.W008", url.toString(),
                    "The TLS certificate expires in " + days + " days.", "Renew it, and automate renewal."));
        } else {
            findings.add(CheckMessage.info("checkup.I008", url.toString(),
                    "The TLS certificate is valid for " + days + " more days.", null));
        }
    }

    private void honeypot(URI base, List<CheckMessage> findings) {
        Optional<Probe.Fetched> admin = probe.once(base.resolve("/admin/"), "GET", Map.of());
        boolean answers = admin.filter(r -> r.status() == 200
                && r.body().toLowerCase(Locale.ROOT).contains("password")).isPresent();
        if (!answers) {
            findings.add(CheckMessage.warning("checkup.W010", base.resolve("/admin/").toString(),
                    "No honeypot answers at /admin/ (status " + admin.map(r -> String.valueOf(r.status())).orElse("none")
                            + "): the first path scanners try tells you nothing about them.",
                    "Enable the honeypot (portcullis.honeypot.enabled=true) and keep the real admin elsewhere."));
        }
    }

    private static void adminLinks(Probe.Fetched auto, String adminPath, List<CheckMessage> findings) {
        if (adminPath == null || adminPath.isBlank()) {
            return;
        }
        Pattern link = Pattern.compile("(?i)(href|src|action)\\s*=\\s*[\"']?[^\"'>]*" + Pattern.quote(adminPath)
                + "(/|[\"'>?#]|$)");
        if (auto.status() < 400 && !auto.url().getPath().startsWith(adminPath)
                && link.matcher(auto.body()).find()) {
            findings.add(CheckMessage.warning("checkup.W011", auto.url().toString(),
                    "The public page links to the admin at " + adminPath + ".",
                    "Remove the link: staff bookmark the admin; the public need not learn where it is."));
        }
    }
}
