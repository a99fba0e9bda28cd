package dev.portcullis.perimeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.demo.DemoApplication;

/**
 * A server that terminates TLS itself with no cipher settings: an old CBC suite that TLS 1.2 used to offer is
 * refused, the intermediate ones are served.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portcullis.https.enabled=true", "server.ssl.key-store=file:" + TlsCipherHttpsTest.KEYSTORE,
                "server.ssl.key-store-password=changeit", "server.ssl.key-store-type=PKCS12"})
@ActiveProfiles("test")
class TlsCipherHttpsTest {

    static final String KEYSTORE = "target/tls-cipher-test/server.p12";

    static {
        try {
            Path keystore = Path.of(KEYSTORE);
            Files.createDirectories(keystore.getParent());
            Files.deleteIfExists(keystore);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "server", "-dname", "CN=localhost",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass",
                    "changeit").redirectErrorStream(true).start();
            keytool.getInputStream().readAllBytes();
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed");
            }
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    int port;

    private SSLSocket connect(String protocol, String suite) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // a throwaway certificate made for this test; only the cipher negotiation is under test
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        socket.setEnabledProtocols(new String[] {protocol});
        socket.setEnabledCipherSuites(new String[] {suite});
        return socket;
    }

    @Test
    void anOldCbcSuiteIsRefused() {
        assertThatThrownBy(() -> {
            try (SSLSocket socket = connect("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")) {
                socket.startHandshake();
            }
        }).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void anIntermediateSuiteIsServed() throws Exception {
        try (SSLSocket socket = connect("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")) {
            socket.startHandshake();
            assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        }
        try (SSLSocket socket = connect("TLSv1.3", "TLS_AES_256_GCM_SHA384")) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void tls11IsRefused() {
        assertThatThrownBy(() -> {
            try (SSLSocket socket = connect("TLSv1.1", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")) {
                socket.startHandshake();
            }
        }).isInstanceOf(javax.net.ssl.SSLException.class);
    }
}
