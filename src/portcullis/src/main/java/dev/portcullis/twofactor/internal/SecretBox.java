package dev.portcullis.twofactor.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM under a key derived from the application's secret key. Each ciphertext
 * names the key it was made with, so a key can be rotated: the old one moves to
 * {@code portcullis.previous-secret-keys}, old ciphertexts still open, and callers re-encrypt what they read with an
 * old key. Also derives keyed hashes (for recovery codes) that an attacker with only the database cannot reverse.
 */
public final class SecretBox {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** One key of the ring: its id and the two purpose-bound keys derived from it. */
    record Key(String id, byte[] encryption, byte[] hashing) {
    }

    /** A ciphertext and the id of the key that made it. */
    record Sealed(String keyId, String ciphertext) {
    }

    private final Key current;
    private final Map<String, Key> ring;
    private final SecureRandom random;

    /**
     * @param current the raw current secret key (at least 32 bytes)
     * @param previous raw earlier keys, still accepted for opening
     */
    SecretBox(byte[] current, List<byte[]> previous, SecureRandom random) {
        this.random = random;
        this.current = derive(current);
        Map<String, Key> keys = new LinkedHashMap<>();
        keys.put(this.current.id(), this.current);
        for (byte[] old : previous) {
            Key key = derive(old);
            keys.putIfAbsent(key.id(), key);
        }
        this.ring = Map.copyOf(keys);
    }

    /** Decodes Base64 keys as they appear in configuration. */
    public static SecretBox fromBase64(String current, List<String> previous, SecureRandom random) {
        List<byte[]> old = new ArrayList<>();
        for (String key : previous) {
            if (key != null && !key.isBlank()) {
                old.add(Base64.getDecoder().decode(key.strip()));
            }
        }
        return new SecretBox(Base64.getDecoder().decode(current.strip()), old, random);
    }

    String currentKeyId() {
        return current.id();
    }

    Sealed seal(byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] encrypted = crypt(Cipher.ENCRYPT_MODE, current, iv, plaintext);
        byte[] out = ByteBuffer.allocate(iv.length + encrypted.length).put(iv).put(encrypted).array();
        return new Sealed(current.id(), Base64.getEncoder().encodeToString(out));
    }

    /**
     * @throws IllegalStateException when the key is no longer configured or the ciphertext was altered
     */
    byte[] open(Sealed sealed) {
        Key key = ring.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("The secret was encrypted with key " + sealed.keyId()
                    + ", which is neither portcullis.secret-key nor one of portcullis.previous-secret-keys");
        }
        byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
        byte[] iv = java.util.Arrays.copyOfRange(in, 0, IV_BYTES);
        return crypt(Cipher.DECRYPT_MODE, key, iv, java.util.Arrays.copyOfRange(in, IV_BYTES, in.length));
    }

    /** A keyed hash (HMAC-SHA-256, hex) under the current key. */
    String hash(String value) {
        return hash(current, value);
    }

    /** The keyed hashes of a value under every key of the ring, current first. */
    List<String> hashesUnderEveryKey(String value) {
        List<String> hashes = new ArrayList<>();
        hashes.add(hash(current, value));
        ring.values().stream().filter(key -> key != current).forEach(key -> hashes.add(hash(key, value)));
        return hashes;
    }

    private static String hash(Key key, String value) {
        return HexFormat.of().formatHex(hmac(key.hashing(), value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] crypt(int mode, Key key, byte[] iv, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key.encryption(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(key.id().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " a secret with key " + key.id() + " (altered or wrong key)", e);
        }
    }

    private static Key derive(byte[] master) {
        if (master.length < 32) {
            throw new IllegalArgumentException("The secret key must be at least 32 bytes, not " + master.length);
        }
        String id = HexFormat.of().formatHex(hmac(master, bytes("portcullis key id"))).substring(0, 8);
        return new Key(id, hmac(master, bytes("portcullis secret encryption v1")),
                hmac(master, bytes("portcullis recovery code hashing v1")));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Constant-time comparison of two hex hashes. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
