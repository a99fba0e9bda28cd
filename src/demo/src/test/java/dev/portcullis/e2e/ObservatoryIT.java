package dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.ObjectMapper;

/**
 * Mozilla's HTTP Observatory grades the production jar, served as an operator would serve it — prod profile, HTTPS on
 * 443 with a certificate from a Spring Boot PEM SSL bundle, plain HTTP on 80 redirecting — at least A+ (score 100).
 * The certificate comes from a CA made for this run with openssl; the scanner trusts it through NODE_EXTRA_CA_CERTS.
 * Our live checkup then probes the same jar and must agree with the scanner's grade and score.
 * Ports 80 and 443 are shared by everyone on this machine, so the whole run holds {@value #LOCK}.
 */
class ObservatoryIT {

    static final String LOCK = "/tmp/portcullis-observatory.lock";
    private static final Path SCAN = Path.of(System.getProperty("portcullis.basedir", "."), ".ci", "observatory", "scan");

    @Test
    void theProductionJarOverHttpsIsGradedAPlus() throws Exception {
        requireScanner();
        Path tls = Files.createTempDirectory("portcullis-tls");
        makeCertificates(tls);
        // The scanner grades a site's home page and refuses a 404 there, while the demo serves nothing at / (nothing
        // at the root may hint at the admin). A real deployment has the application's own home page there: this run
        // serves a static one, the way a host application would, through the same headers as every response.
        Path site = Files.createTempDirectory("portcullis-site");
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Bookshop</title></head><body><h1>Bookshop</h1><p>Books for every shelf.</p></body></html>");
        try (PortLock ignored = PortLock.acquire();
                ProductionJar.Running app = ProductionJar.startExactly(List.of("--spring.profiles.active=prod",
                        "--portcullis.secret-key=" + AdminSignInBrowserIT.SECRET_KEY, "--server.port=443",
                        "--spring.ssl.bundle.pem.observatory.keystore.certificate=file:" + tls.resolve("server.pem"),
                        "--spring.ssl.bundle.pem.observatory.keystore.private-key=file:" + tls.resolve("server.key"),
                        "--server.ssl.bundle=observatory", "--portcullis.https.redirect-from-port=80",
                        "--spring.web.resources.add-mappings=true",
                        "--spring.web.resources.static-locations=file:" + site + "/"))) {
            ProcessBuilder scan = new ProcessBuilder(SCAN.toString(), "localhost").redirectErrorStream(false);
            scan.environment().put("NODE_EXTRA_CA_CERTS", tls.resolve("ca.pem").toString());
            Process process = scan.start();
            String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(5, TimeUnit.MINUTES);
            Files.writeString(Path.of(System.getProperty("portcullis.basedir", "."), "target", "observatory.json"), json);
            @SuppressWarnings("unchecked")
            Map<String, Object> result = new ObjectMapper().readValue(json, Map.class);
            assertThat(result).as(json + errors).containsKey("scan");
            @SuppressWarnings("unchecked")
            Map<String, Object> summary = (Map<String, Object>) result.get("scan");
            System.out.printf("[measure] HTTP Observatory: grade %s, score %s, %s of %s tests passed%n",
                    summary.get("grade"), summary.get("score"), summary.get("testsPassed"), summary.get("testsQuantity"));
            assertThat(((Number) summary.get("score")).intValue()).as(json).isGreaterThanOrEqualTo(100);
            assertThat(summary.get("grade")).as(json).isEqualTo("A+");

            // Our own live checkup, against the same running jar, comes to the same grade and score.
            var checkup = dev.portcullis.checks.checkup.Checkups.run("https://localhost/", "/console", tls.resolve("ca.pem"));
            System.out.printf("[measure] live checkup of the same jar: grade %s, score %d%n", checkup.grade(),
                    checkup.score());
            assertThat(checkup.grade()).as(checkup.describe()).isEqualTo(summary.get("grade"));
            assertThat(checkup.score()).as(checkup.describe()).isEqualTo(((Number) summary.get("score")).intValue());
        }
    }

    /**
     * Holds {@value #LOCK} the way the shell scripts do, with flock(1): Java's own FileChannel locks are POSIX record
     * locks, which Linux keeps apart from flock(2) locks, so they would not keep a scripted run off ports 80 and 443.
     */
    private record PortLock(Process holder) implements AutoCloseable {

        static PortLock acquire() throws IOException {
            Process holder = new ProcessBuilder("flock", LOCK, "-c", "echo locked; exec cat").start();
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            if (!"locked".equals(first)) {
                holder.destroyForcibly();
                throw new IllegalStateException("could not take " + LOCK + " with flock");
            }
            return new PortLock(holder);
        }

        @Override
        public void close() throws Exception {
            holder.getOutputStream().close(); // cat ends, flock releases the lock
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    private static void requireScanner() {
        if (Files.isExecutable(SCAN) && Files.exists(Path.of(System.getProperty("portcullis.observatory.dir",
                "/opt/portcullis-observatory"), "node_modules", "@mdn", "mdn-http-observatory", "src", "scan.js"))) {
            return;
        }
        String message = "The Observatory test needs the scanner: run .ci/observatory/install.sh (CI does).";
        if (Boolean.parseBoolean(System.getProperty("portcullis.e2e.required", "true"))) {
            Assertions.fail(message + " Run with -Dportcullis.e2e.required=false to skip it.");
        }
        Assumptions.abort(message);
    }

    /** A CA for this run and a certificate for localhost signed by it. */
    private static void makeCertificates(Path dir) throws Exception {
        Files.writeString(dir.resolve("server.ext"), String.join("\n", "basicConstraints=CA:FALSE",
                "keyUsage=critical,digitalSignature,keyEncipherment", "extendedKeyUsage=serverAuth",
                "subjectAltName=DNS:localhost,IP:127.0.0.1", ""));
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=Portcullis test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "server.ext");
    }

    private static void openssl(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", arguments) + " failed:\n" + output);
        }
    }
}
