package dev.portcullis.e2e;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx in front of several nodes, as the README's "Running several nodes" configures it: TLS terminated
 * here with a certificate made for the run, affinity by client address ({@code ip_hash}), the forwarded headers the
 * nodes trust. Started as an ordinary process with everything (pid, logs, temporary files) in a directory of its
 * own and a free port, so it needs no root and leaves no trace. Without nginx the test fails when
 * {@code portcullis.e2e.required} is true (the default, and what CI sets), and is skipped otherwise.
 */
final class Nginx implements AutoCloseable {

    static final String BINARY = System.getProperty("portcullis.e2e.nginx", "/usr/sbin/nginx");

    private final Process process;
    private final Path directory;
    private final int port;

    private Nginx(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Fails (or skips, when not required) unless nginx and openssl are installed. */
    static void require() {
        if (!new File(BINARY).canExecute() || !new File("/usr/bin/openssl").canExecute()) {
            String message = "The multi-node test needs nginx at " + BINARY + " and openssl (Debian: apt-get install "
                    + "nginx openssl).";
            if (Boolean.parseBoolean(System.getProperty("portcullis.e2e.required", "true"))) {
                Assertions.fail(message + " Run with -Dportcullis.e2e.required=false to skip it.");
            }
            Assumptions.abort(message + " Skipped because portcullis.e2e.required=false.");
        }
    }

    /** Starts nginx on a free port in front of the given node ports. */
    static Nginx start(List<Integer> nodePorts) throws Exception {
        require();
        Path directory = Files.createTempDirectory("portcullis-nginx");
        // Workers may run as another user when the test runs as root: they must be able to write the temp paths.
        directory.toFile().setWritable(true, false);
        directory.toFile().setExecutable(true, false);
        run(directory, "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", "key.pem", "-out", "cert.pem");
        int port = freePort();
        StringBuilder upstream = new StringBuilder();
        for (int node : nodePorts) {
            upstream.append("        server 127.0.0.1:").append(node).append(" max_fails=1 fail_timeout=30s;\n");
        }
        String config = """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                daemon off;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server_tokens off;

                    upstream portcullis {
                        ip_hash;
                %2$s    }

                    map $http_upgrade $connection_upgrade {
                        default upgrade;
                        ''      close;
                    }

                    server {
                        listen 127.0.0.1:%3$d ssl;
                        ssl_certificate     %1$s/cert.pem;
                        ssl_certificate_key %1$s/key.pem;
                        ssl_protocols       TLSv1.2 TLSv1.3;

                        location / {
                            proxy_pass http://portcullis;
                            proxy_http_version 1.1;
                            proxy_set_header Host              $http_host;
                            proxy_set_header X-Forwarded-For   $remote_addr;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_set_header Upgrade           $http_upgrade;
                            proxy_set_header Connection        $connection_upgrade;
                            proxy_next_upstream error timeout;
                            proxy_read_timeout 300s;
                            # For the test only: which node answered.
                            add_header X-Upstream $upstream_addr always;
                        }
                    }
                }
                """.formatted(directory, upstream, port);
        Files.writeString(directory.resolve("nginx.conf"), config);
        Process process = new ProcessBuilder(BINARY, "-p", directory.toString(), "-c",
                directory.resolve("nginx.conf").toString(), "-e", directory.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, directory, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return nginx;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    nginx.close();
                    throw new IllegalStateException("nginx did not start:\n" + nginx.log());
                }
                Thread.sleep(100);
            }
        }
    }

    int port() {
        return port;
    }

    /** A TLS context that trusts this run's certificate, and nothing else. */
    SSLContext trust() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Files.readAllBytes(directory.resolve("cert.pem")))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    String log() {
        try {
            return Files.readString(directory.resolve("stdout.log")) + Files.readString(directory.resolve("error.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
