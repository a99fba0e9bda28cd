package dev.portcullis.checks.checkup.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Fetches pages the way the HTTP Observatory does: redirects followed by hand and recorded, certificates verified
 * (and, when verification fails, fetched again without it so the rest can still be judged), cookies collected along
 * the way. Plain {@link HttpClient}; nothing is sent but GET, OPTIONS and one TRACE.
 */
final class Probe {

    /** The origin the CORS probe claims, as the Observatory's. */
    static final String CORS_ORIGIN = "https://http-observatory.security.mozilla.org";

    private static final int MAX_REDIRECTS = 10;
    private static final Pattern META = Pattern.compile(
            "<meta\\s+[^>]*http-equiv\\s*=\\s*[\"']?([^\"'\\s>]+)[\"']?[^>]*content\\s*=\\s*[\"']([^\"']*)[\"']",
            Pattern.CASE_INSENSITIVE);

    /** One fetched page and how it was reached. */
    record Fetched(URI url, int status, Map<String, List<String>> allHeaders, String body, boolean verified,
            List<URI> route, List<String> sessionCookies, Optional<SSLSession> tls) {

        List<String> headers(String name) {
            return allHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.getFirst();
        }

        List<String> metaEquiv(String name) {
            String type = header("content-type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            Matcher meta = META.matcher(body);
            while (meta.find()) {
                if (meta.group(1).equalsIgnoreCase(name)) {
                    values.add(meta.group(2));
                }
            }
            return values;
        }

        Optional<X509Certificate> certificate() {
            try {
                return tls.map(s -> {
                    try {
                        return (X509Certificate) s.getPeerCertificates()[0];
                    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                        return null;
                    }
                });
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private final Duration timeout;
    private final HttpClient verifying;
    private final HttpClient trusting;

    /** @param trust the certificates to trust (the JDK's default CAs in production; a test CA in tests) */
    Probe(Duration timeout, SSLContext trust) {
        this.timeout = timeout;
        this.verifying = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(trust).build();
        this.trusting = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(trustingContext()).build();
    }

    /** GET with redirects followed and recorded; empty when nothing answers at all. */
    Optional<Fetched> get(URI url) {
        try {
            return Optional.of(follow(url, verifying, true));
        } catch (SSLException invalidCertificate) {
            try {
                return Optional.of(follow(url, trusting, false));
            } catch (IOException | InterruptedException e) {
                return Optional.empty();
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }

    private Fetched follow(URI start, HttpClient client, boolean verified) throws IOException, InterruptedException {
        List<URI> route = new ArrayList<>();
        List<String> cookies = new ArrayList<>();
        URI url = start;
        boolean allVerified = verified;
        HttpResponse<String> response = null;
        for (int i = 0; i <= MAX_REDIRECTS; i++) {
            route.add(url);
            HttpClient using = client;
            try {
                response = send(using, request(url, "GET"));
            } catch (SSLException e) {
                if (client == trusting) {
                    throw e;
                }
                response = send(trusting, request(url, "GET"));
                allVerified = false;
            }
            cookies.addAll(response.headers().allValues("set-cookie"));
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                url = url.resolve(location.get());
                continue;
            }
            break;
        }
        return new Fetched(url, response.statusCode(), response.headers().map(), response.body(), allVerified,
                List.copyOf(route), List.copyOf(cookies), response.sslSession());
    }

    /** One request without following anything: OPTIONS for CORS, TRACE, a 404 probe. */
    Optional<Fetched> once(URI url, String method, Map<String, String> headers) {
        HttpRequest.Builder builder = request(url, method);
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = send(trusting, builder);
            return Optional.of(new Fetched(url, response.statusCode(), response.headers().map(), response.body(),
                    false, List.of(url), response.headers().allValues("set-cookie"), response.sslSession()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(URI url, String method) {
        return HttpRequest.newBuilder(url).timeout(timeout).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("User-Agent", "Portcullis-Checkup/1 (+security self-audit)");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Trusts any certificate: only used after verification failed, to judge the rest and report the certificate. */
    private static SSLContext trustingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // not a server
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
                    // not a server
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine e) {
                    // not a server
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
                    // as below
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine e) {
                    // as below; no host name check either: a mismatch is reported as an invalid certificate
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // judged separately: the page was already fetched once with verification, which failed
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
