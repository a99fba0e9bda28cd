package dev.portcullis.checks.checkup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import dev.portcullis.checks.internal.CheckupResult;
import dev.portcullis.checks.checkup.internal.Checkup;

/**
 * The checkup's grade agrees with Mozilla's real HTTP Observatory scanner ({@code .ci/observatory/scan}) on the same
 * running server, in three configurations: hardened, Spring Security's defaults, and deliberately weak. The server
 * listens on ports 80 and 443 of this machine (the scanner probes only those), with a test certificate that both the
 * scanner and the checkup are told to trust; the machine-wide lock {@code /tmp/portcullis-observatory.lock} is held
 * throughout, as other test runs on this machine use the same ports.
 */
class CheckupAgreementIT {

    private static final Path SCAN = Path.of(System.getProperty("portcullis.basedir", "."), ".ci/observatory/scan");
    private static final String PAGE = "<!doctype html><html><head><title>Bookshop</title></head>"
            + "<body><h1>Bookshop</h1><script src=\"/app.js\"></script></body></html>";

    private static final Path LOCK = Path.of("/tmp/portcullis-observatory.lock");

    private static Process flock;
    private static FileChannel lockFile;
    private static FileLock lock;
    private static Path certificatePem;
    private static SSLContext serverContext;
    private static SSLContext trustingTestCa;
    private static HttpServer http;
    private static HttpsServer https;
    private static volatile Site site;

    /** What the server answers: headers on HTTPS, and whether plain HTTP redirects there. */
    record Site(boolean redirect, Map<String, String> headers, List<String> cookies) {
    }

    @BeforeAll
    static void serve() throws Exception {
        boolean required = Boolean.parseBoolean(System.getProperty("portcullis.e2e.required", "true"));
        Path installed = Path.of(System.getenv().getOrDefault("PORTCULLIS_OBSERVATORY_DIR", "/opt/portcullis-observatory"),
                "node_modules/@mdn/mdn-http-observatory/src/scan.js");
        if (!Files.isExecutable(SCAN) || !Files.exists(installed)) {
            String message = "The HTTP Observatory is not installed: run .ci/observatory/install.sh.";
            if (required) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        // Shell scripts take the lock with flock(1) and Java code with a FileChannel lock; on Linux these two kinds
        // of lock do not see each other, so hold both: flock(1) in a child process that keeps it until we close its
        // input, then the FileChannel lock.
        flock = new ProcessBuilder("flock", LOCK.toString(), "-c", "echo locked; cat > /dev/null")
                .redirectErrorStream(true).start();
        String locked = new java.io.BufferedReader(new java.io.InputStreamReader(flock.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        if (!"locked".equals(locked)) {
            throw new IllegalStateException("Could not take " + LOCK + " with flock: " + locked);
        }
        lockFile = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockFile.lock();
        Path dir = Files.createTempDirectory("checkup-agreement");
        Path keystore = dir.resolve("localhost.p12");
        certificatePem = dir.resolve("localhost.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-validity", "90",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "test-only");
        run(keytool, "-exportcert", "-rfc", "-alias", "localhost", "-keystore", keystore.toString(),
                "-storepass", "test-only", "-file", certificatePem.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, "test-only".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "test-only".toCharArray());
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        trustingTestCa = SSLContext.getInstance("TLS");
        trustingTestCa.init(null, tmf.getTrustManagers(), null);

        http = HttpServer.create(new InetSocketAddress(80), 0);
        http.createContext("/", CheckupAgreementIT::answerHttp);
        http.start();
        https = HttpsServer.create(new InetSocketAddress(443), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        https.createContext("/", CheckupAgreementIT::answerHttps);
        https.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (http != null) {
            http.stop(0);
        }
        if (https != null) {
            https.stop(0);
        }
        if (lock != null) {
            lock.release();
            lockFile.close();
        }
        if (flock != null) {
            flock.getOutputStream().close();
            try {
                flock.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flock.destroy();
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static void answerHttp(HttpExchange exchange) throws IOException {
        if (site.redirect()) {
            exchange.getResponseHeaders().add("Location", "https://localhost" + exchange.getRequestURI());
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
            return;
        }
        page(exchange);
    }

    private static void answerHttps(HttpExchange exchange) throws IOException {
        page(exchange);
    }

    private static void page(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        site.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name,
                value.replace("{origin}", String.valueOf(exchange.getRequestHeaders().getFirst("Origin")))));
        if (!path.equals("/") || exchange.getRequestMethod().equals("TRACE")) {
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("TRACE") ? 405 : 404, -1);
            exchange.close();
            return;
        }
        site.cookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        byte[] body = exchange.getRequestMethod().equals("OPTIONS") ? new byte[0]
                : PAGE.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static final Pattern GRADE = Pattern.compile("\"grade\":\\s*\"([A-F][+-]?)\"");
    private static final Pattern SCORE = Pattern.compile("\"score\":\\s*(-?\\d+)");

    /** The real scanner's grade and score. */
    private static String[] scan() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SCAN.toString(), "localhost").redirectErrorStream(true);
        builder.environment().put("NODE_EXTRA_CA_CERTS", certificatePem.toString());
        Process process = builder.start();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        Matcher grade = GRADE.matcher(json);
        Matcher score = SCORE.matcher(json);
        assertThat(grade.find() && score.find()).as("scanner output:\n%s", json).isTrue();
        return new String[] {grade.group(1), score.group(1), json};
    }

    private static CheckupResult checkup() {
        return new Checkup(Duration.ofSeconds(10), Clock.systemUTC(), new SecureRandom(), trustingTestCa)
                .run("localhost", "/console");
    }

    private static void assertAgreement(Site configuration, String expectedGrade) throws Exception {
        site = configuration;
        String[] scanner = scan();
        CheckupResult ours = checkup();
        System.out.printf("checkup agreement: expected %s; scanner %s (%s); checkup %s (%d)%n", expectedGrade,
                scanner[0], scanner[1], ours.grade(), ours.score());
        assertThat(ours.grade()).as("checkup vs scanner; scanner said:\n%s\ncheckup said:\n%s", scanner[2],
                ours.describe()).isEqualTo(scanner[0]);
        assertThat(ours.score()).isEqualTo(Integer.parseInt(scanner[1]));
        assertThat(ours.grade()).isEqualTo(expectedGrade);
    }

    @Test
    void hardened() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        headers.put("Content-Security-Policy", "default-src 'none'; script-src 'self'; frame-ancestors 'none';"
                + " base-uri 'none'; form-action 'self'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        assertAgreement(new Site(true, headers, List.of("SESSION=abc; Path=/; Secure; HttpOnly; SameSite=Lax")), "A+");
    }

    @Test
    void springSecurityDefaults() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        assertAgreement(new Site(false, headers, List.of("JSESSIONID=abc; Path=/; Secure; HttpOnly")), "C");
    }

    @Test
    void deliberatelyWeak() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", "default-src *; script-src 'self' 'unsafe-inline' 'unsafe-eval'");
        headers.put("X-Frame-Options", "ALLOWALL");
        headers.put("Referrer-Policy", "unsafe-url");
        headers.put("Access-Control-Allow-Origin", "{origin}");
        headers.put("Access-Control-Allow-Credentials", "true");
        headers.put("Server", "Apache/2.4.1");
        assertAgreement(new Site(false, headers, List.of("sessionid=abc; Path=/")), "F");
    }
}
