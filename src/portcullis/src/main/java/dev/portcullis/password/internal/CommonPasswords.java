package dev.portcullis.password.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The 100,000 most common passwords (SecLists' "10 million password list, top 100,000", as shipped by the
 * Apache-2.0 {@code com.codahale:passpol} artifact from Maven Central), checked case-insensitively. Held as a
 * sorted array of 64-bit hashes: about 770 KB instead of several megabytes of strings, and a look-up is a binary
 * search. A hash collision could only refuse a password that is not on the list, with odds of about 1 in 10^14.
 */
public final class CommonPasswords {

    static final String RESOURCE = "com/codahale/passpol/weak-passwords.txt";

    private final long[] hashes;

    private CommonPasswords(long[] hashes) {
        this.hashes = hashes;
    }

    /** Loads the list from the class path. */
    public static CommonPasswords load() {
        try (InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The common-password list " + RESOURCE + " is missing from the class"
                        + " path (dependency com.codahale:passpol)");
            }
            long[] read = new long[110_000];
            int count = 0;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isEmpty()) {
                        if (count == read.length) {
                            read = Arrays.copyOf(read, count * 2);
                        }
                        read[count++] = hash(line);
                    }
                }
            }
            long[] sorted = Arrays.stream(read, 0, count).sorted().distinct().toArray();
            return new CommonPasswords(sorted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the password, ignoring case, is on the list. */
    public boolean contains(String password) {
        return password != null && Arrays.binarySearch(hashes, hash(password)) >= 0;
    }

    /** Distinct entries, ignoring case. */
    public int size() {
        return hashes.length;
    }

    /** FNV-1a, 64 bits, over the lower-cased UTF-8 bytes. */
    static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
