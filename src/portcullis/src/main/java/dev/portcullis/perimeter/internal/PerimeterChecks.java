package dev.portcullis.perimeter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.Environment;

import dev.portcullis.checks.Check;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.perimeter.AdminAccessProperties;
import dev.portcullis.perimeter.HeadersProperties;
import dev.portcullis.perimeter.HttpsProperties;
import dev.portcullis.perimeter.IpRange;
import dev.portcullis.perimeter.PerimeterProperties;

/**
 * The perimeter's deploy checks ({@code security.W001}–{@code security.W039}): HTTPS, HSTS, cookies, the
 * Content-Security-Policy, referrer policy, proxies, the admin's hosts and networks, TLS versions, and (W061) TLS
 * cipher suites weaker than the defaults.
 */
public final class PerimeterChecks implements Check {

    private static final String SOURCE = "portcullis.perimeter";

    private final Environment environment;
    private final PerimeterProperties proxies;
    private final AdminAccessProperties access;
    private final HttpsProperties https;
    private final HeadersProperties headers;

    public PerimeterChecks(Environment environment, PerimeterProperties proxies, AdminAccessProperties access,
            HttpsProperties https, HeadersProperties headers) {
        this.environment = environment;
        this.proxies = proxies;
        this.access = access;
        this.https = https;
        this.headers = headers;
    }

    @Override
    public Set<String> tags() {
        return Set.of("security");
    }

    @Override
    public List<CheckMessage> run() {
        List<CheckMessage> found = new ArrayList<>();
        boolean tls = environment.getProperty("server.ssl.bundle") != null
                || environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || environment.getProperty("server.ssl.certificate") != null
                || environment.getProperty("server.ssl.key-store") != null;
        if (!https.isEnabled()) {
            found.add(warn("security.W001", "HTTPS is off (portcullis.https.enabled=false): no redirect to HTTPS, no "
                    + "HSTS, and session cookies are not Secure.", "Serve over HTTPS and set portcullis.https.enabled=true "
                    + "(the default); leave it off only for local development."));
        } else {
            if (!https.isHstsIncludeSubdomains()) {
                found.add(warn("security.W002", "HSTS does not cover subdomains (portcullis.https.hsts-include-subdomains"
                        + "=false).", "Set it to true unless a subdomain must stay on plain HTTP."));
            }
            if (!tls && proxies.getTrustedProxies().isEmpty()) {
                found.add(warn("security.W013", "HTTPS is on, but this server terminates no TLS (no server.ssl.*) and "
                        + "trusts no proxy to say a request came over HTTPS: every request would be redirected.",
                        "Configure server.ssl.bundle, or list your TLS-terminating proxy in portcullis.trusted-proxies."));
            }
        }
        if (https.getRedirectFromPort() != null && !tls) {
            found.add(warn("security.W014", "portcullis.https.redirect-from-port is set but this server serves no "
                    + "HTTPS itself (no server.ssl.*).", "Configure server.ssl.bundle, or remove the redirect port."));
        }
        if (Boolean.FALSE.equals(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class))) {
            found.add(warn("security.W004", "The session cookie is not Secure (server.servlet.session.cookie.secure="
                    + "false): a browser sends it over plain HTTP too.", "Remove the setting; with HTTPS on it is "
                    + "Secure by default."));
        }
        if (!environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class, true)) {
            found.add(warn("security.W005", "The session cookie is readable by scripts "
                    + "(server.servlet.session.cookie.http-only=false).", "Set it to true."));
        }
        String sameSite = environment.getProperty("server.servlet.session.cookie.same-site");
        if (sameSite == null || sameSite.equalsIgnoreCase("none")) {
            found.add(warn("security.W006", "The session cookie has no SameSite restriction "
                    + "(server.servlet.session.cookie.same-site=" + sameSite + ").", "Set it to lax or strict."));
        }
        String csp = headers.getContentSecurityPolicy();
        if (csp != null && (scriptAllowsInline(csp) || csp.contains("*") || !csp.contains("object-src"))) {
            found.add(warn("security.W007", "portcullis.headers.content-security-policy allows inline scripts "
                    + "without a nonce, wildcard sources or plugins: it no longer stops injected scripts.",
                    "Remove the setting to use the built-in policy, or drop those sources."));
        }
        if (Set.of("origin", "origin-when-cross-origin", "no-referrer-when-downgrade")
                .contains(headers.getReferrerPolicy())) {
            found.add(warn("security.W008", "portcullis.headers.referrer-policy=" + headers.getReferrerPolicy()
                    + " tells other sites where their visitors came from.", "Use same-origin (the default) or "
                    + "no-referrer."));
        }
        for (String proxy : proxies.getTrustedProxies()) {
            if (IpRange.parse(proxy).prefixLength() == 0) {
                found.add(warn("security.W009", "portcullis.trusted-proxies holds " + proxy + ": every client could "
                        + "claim any address and scheme through X-Forwarded-For.", "List only your proxies' addresses."));
            }
        }
        String strategy = environment.getProperty("server.forward-headers-strategy", "none").toLowerCase(Locale.ROOT);
        if (!"none".equals(strategy)) {
            found.add(warn("security.W017", "server.forward-headers-strategy=" + strategy + " believes forwarded "
                    + "headers beside portcullis.trusted-proxies.", "Remove it; Portcullis reads forwarded headers "
                    + "only from portcullis.trusted-proxies."));
        }
        if (access.getAllowedHosts().isEmpty()) {
            // Where HTTPS is on (every real deployment) this is a warning: redirects then have no host of their
            // own to name, and the prod profile refuses to start without it.
            String message = "The admin answers on every host name of this server.";
            String hint = "Serve it on a host of its own with portcullis.admin.allowed-hosts, e.g. admin.example.com.";
            found.add(https.isEnabled() ? warn("security.W010", message, hint) : info("security.W010", message, hint));
        }
        if (access.getAllowedNetworks().isEmpty()) {
            found.add(info("security.W011", "The admin is reachable from every network.", "Limit it to your VPN or "
                    + "office with portcullis.admin.allowed-networks, e.g. 10.8.0.0/16."));
        }
        String protocols = environment.getProperty("server.ssl.enabled-protocols", "");
        for (String protocol : protocols.split(",")) {
            String p = protocol.strip();
            if (p.equals("TLSv1") || p.equals("TLSv1.1") || p.startsWith("SSL")) {
                found.add(warn("security.W016", "server.ssl.enabled-protocols includes " + p + ", which is broken.",
                        "Allow only TLSv1.2 and TLSv1.3."));
            }
        }
        if (TlsDefaults.terminatesTls(environment)) {
            String ciphers = TlsDefaults.optionsPrefix(environment) + "ciphers";
            for (String suite : org.springframework.boot.context.properties.bind.Binder.get(environment).bind(ciphers,
                    org.springframework.boot.context.properties.bind.Bindable.listOf(String.class)).orElse(List.of())) {
                String weakness = TlsDefaults.weakness(suite);
                if (weakness != null) {
                    found.add(warn("security.W061", ciphers + " includes " + suite.strip() + ": " + weakness
                            + ".", "Remove " + ciphers + " to use Mozilla's intermediate list (ECDHE with AES-GCM "
                            + "or ChaCha20-Poly1305, TLS 1.2 and 1.3), or keep only such suites."));
                }
            }
        }
        return found;
    }

    private static boolean scriptAllowsInline(String csp) {
        for (String directive : csp.split(";")) {
            String d = directive.strip();
            if ((d.startsWith("script-src") || d.startsWith("default-src")) && d.contains("'unsafe-inline'")
                    && !d.contains("'nonce-") && !d.contains("'sha")) {
                return true;
            }
        }
        return false;
    }

    private static CheckMessage warn(String id, String message, String hint) {
        return CheckMessage.warning(id, SOURCE, message, hint);
    }

    private static CheckMessage info(String id, String message, String hint) {
        return CheckMessage.info(id, SOURCE, message, hint);
    }
}
