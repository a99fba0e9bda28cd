package dev.portcullis.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Codes from {@code oathtool} (Debian package {@code oathtool}), an implementation of RFC 6238 independent of ours,
 * as an authenticator app would show them.
 */
final class Oathtool {

    private Oathtool() {
    }

    /** The current six-digit TOTP code for a Base32 secret. */
    static String totp(String base32Secret) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("oathtool", "--totp", "--base32", base32Secret).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.matches("\\d{6}")) {
            throw new IllegalStateException("oathtool failed (install the Debian package oathtool): " + output);
        }
        return output;
    }

    /** A code from a later time step than {@code used}: waits for the next step when the current one is used. */
    static String totpAfter(String base32Secret, String used) throws IOException, InterruptedException {
        String code = totp(base32Secret);
        while (code.equals(used)) {
            long wait = 30 - Instant.now().getEpochSecond() % 30;
            Thread.sleep(wait * 1000 + 200);
            code = totp(base32Secret);
        }
        return code;
    }
}
