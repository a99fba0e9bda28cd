package dev.portcullis.twofactor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SECRET = "a totp secret!!!!!!!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sealsAndOpensWithAFreshIvEachTime() {
        SecretBox box = new SecretBox(key(1), List.of(), RANDOM);
        SecretBox.Sealed first = box.seal(SECRET);
        SecretBox.Sealed second = box.seal(SECRET);
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.ciphertext()).doesNotContain(Base64.getEncoder().encodeToString(SECRET));
        assertThat(box.open(first)).isEqualTo(SECRET);
        assertThat(first.keyId()).isEqualTo(box.currentKeyId()).hasSize(8);
    }

    @Test
    void opensWhatAPreviousKeySealedOnceThatKeyIsListedAsPrevious() {
        SecretBox old = new SecretBox(key(1), List.of(), RANDOM);
        SecretBox.Sealed sealed = old.seal(SECRET);
        SecretBox rotated = new SecretBox(key(2), List.of(key(1)), RANDOM);
        assertThat(rotated.currentKeyId()).isNotEqualTo(old.currentKeyId());
        assertThat(rotated.open(sealed)).isEqualTo(SECRET);
        assertThatThrownBy(() -> new SecretBox(key(2), List.of(), RANDOM).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("portcullis.previous-secret-keys");
    }

    @Test
    void refusesAnAlteredCiphertext() {
        SecretBox box = new SecretBox(key(1), List.of(), RANDOM);
        SecretBox.Sealed sealed = box.seal(SECRET);
        byte[] raw = Base64.getDecoder().decode(sealed.ciphertext());
        raw[raw.length - 1] ^= 1;
        SecretBox.Sealed altered = new SecretBox.Sealed(sealed.keyId(), Base64.getEncoder().encodeToString(raw));
        assertThatThrownBy(() -> box.open(altered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered or wrong key");
    }

    @Test
    void keyedHashesDependOnTheKeyAndCoverEveryKeyOfTheRing() {
        SecretBox rotated = new SecretBox(key(2), List.of(key(1)), RANDOM);
        String underOld = new SecretBox(key(1), List.of(), RANDOM).hash("ABCDE12345");
        assertThat(rotated.hash("ABCDE12345")).isNotEqualTo(underOld).hasSize(64);
        assertThat(rotated.hashesUnderEveryKey("ABCDE12345")).containsExactly(rotated.hash("ABCDE12345"), underOld);
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new SecretBox(new byte[16], List.of(), RANDOM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }
}
