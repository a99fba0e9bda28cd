package dev.portcullis.perimeter.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When this server terminates TLS itself (server.ssl.bundle, key-store or certificate) and nothing else was chosen,
 * it speaks TLS 1.2 and 1.3 only, with Mozilla's "intermediate" cipher suites: forward secrecy and authenticated
 * encryption (AES-GCM, ChaCha20-Poly1305) only, so no CBC, no RSA key exchange, no SHA-1. Mozilla's three
 * finite-field DHE suites are left out: every client the intermediate profile supports speaks ECDHE. The defaults
 * are the lowest-precedence property source, so any server.ssl.ciphers / enabled-protocols setting wins (and is
 * judged by security.W061).
 */
class TlsDefaults implements EnvironmentPostProcessor {

    /** TLS 1.3 suites, then Mozilla intermediate's TLS 1.2 ECDHE suites, in its order (JSSE names). */
    static final List<String> INTERMEDIATE_CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    static final List<String> PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!terminatesTls(environment)) {
            return; // setting server.ssl.* without key material would switch TLS on and fail the start
        }
        String options = optionsPrefix(environment);
        environment.getPropertySources().addLast(new MapPropertySource("portcullisTlsDefaults", Map.of(
                options + "ciphers", String.join(",", INTERMEDIATE_CIPHERS),
                options + "enabled-protocols", String.join(",", PROTOCOLS))));
    }

    /**
     * Where this server's TLS options live: {@code server.ssl.} for key material given there, or the options of
     * the SSL bundle named by {@code server.ssl.bundle} (Spring Boot then ignores server.ssl.ciphers).
     */
    static String optionsPrefix(org.springframework.core.env.Environment environment) {
        String bundle = environment.getProperty("server.ssl.bundle");
        if (bundle == null || bundle.isBlank()) {
            return "server.ssl.";
        }
        String type = "pem";
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (var source : configurable.getPropertySources()) {
                if (source instanceof org.springframework.core.env.EnumerablePropertySource<?> names) {
                    for (String name : names.getPropertyNames()) {
                        if (name.startsWith("spring.ssl.bundle.jks." + bundle + ".")) {
                            type = "jks";
                        }
                    }
                }
            }
        }
        return "spring.ssl.bundle." + type + "." + bundle + ".options.";
    }

    static boolean terminatesTls(org.springframework.core.env.Environment environment) {
        return environment.getProperty("server.ssl.enabled", Boolean.class, true)
                && (environment.getProperty("server.ssl.bundle") != null
                        || environment.getProperty("server.ssl.key-store") != null
                        || environment.getProperty("server.ssl.certificate") != null);
    }

    /**
     * Why a configured cipher suite (JSSE/IANA or OpenSSL name) is weaker than the defaults, or null when it is one
     * of the strong kind: a TLS 1.3 suite, or ECDHE with AES-GCM or ChaCha20-Poly1305.
     */
    static String weakness(String suite) {
        String s = suite.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (s.isEmpty()) {
            return null;
        }
        if (s.contains("NULL") || s.contains("EXPORT") || s.contains("ANON") || s.contains("RC4") || s.contains("DES")
                || s.contains("MD5")) {
            return "broken (no or weak encryption)";
        }
        if (s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_")) {
            return null;
        }
        boolean ecdhe = s.contains("ECDHE");
        boolean aead = s.contains("GCM") || s.contains("CHACHA20") || s.contains("POLY1305");
        if (ecdhe && aead) {
            return null;
        }
        if (!ecdhe && (s.contains("DHE_") || s.startsWith("DHE") || s.contains("EDH"))) {
            return "finite-field DHE key exchange (slow, weak parameters on old clients)";
        }
        if (!ecdhe) {
            return "RSA key exchange (no forward secrecy)";
        }
        return "CBC mode (padding-oracle attacks such as Lucky13)";
    }
}
