package dev.portcullis.checks.checkup;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.portcullis.checks.internal.CheckupResult;
import dev.portcullis.checks.checkup.internal.Checkup;

/** Runs the live checkup from tests in other packages, trusting a CA made for the test. */
public final class Checkups {

    private Checkups() {
    }

    /** The checkup of {@code target}, trusting the PEM certificate {@code ca}. */
    public static CheckupResult run(String target, String adminPath, Path ca) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            trusted.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), new SecureRandom());
        return new Checkup(Duration.ofSeconds(20), Clock.systemUTC(), new SecureRandom(), context).run(target, adminPath);
    }
}
