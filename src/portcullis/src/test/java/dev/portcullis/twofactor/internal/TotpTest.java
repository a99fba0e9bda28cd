package dev.portcullis.twofactor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void matchesTheRfc6238TestVectorsForSha1(long unixTime, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixTime));
        assertThat(Totp.code(RFC_KEY, step, 8, "HmacSHA1")).isEqualTo(expected);
        // Six digits are the same truncation modulo 10^6: the last six digits of the eight.
        assertThat(Totp.code(RFC_KEY, step)).isEqualTo(expected.substring(2));
    }

    @Test
    void acceptsTheCurrentStepAndOneEitherSideButNoFurther() {
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        long step = Totp.step(now);
        assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, step), now)).hasValue(step);
        assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, step - 2), now)).isEmpty();
        assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, step + 2), now)).isEmpty();
    }

    @Test
    void stepBoundariesFallOnMultiplesOfThirtySeconds() {
        assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(60))).isEqualTo(2);
        // The last second of a step still accepts the previous step's code, the first second of the next does not
        // accept the code two steps back.
        Instant lastSecond = Instant.ofEpochSecond(89);
        assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, 1), lastSecond)).hasValue(1);
        assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, 1), Instant.ofEpochSecond(90))).isEmpty();
    }

    @Test
    void acceptsZeroZeroZeroZeroZeroZeroWhenThatIsTheRightCode() {
        long step = 0;
        while (!Totp.code(RFC_KEY, step).equals("000000")) {
            step++;
        }
        Instant then = Instant.ofEpochSecond(step * Totp.STEP_SECONDS);
        assertThat(Totp.verify(RFC_KEY, "000000", then)).hasValue(step);
        assertThat(Totp.verify(RFC_KEY, "000000", then.plusSeconds(3 * Totp.STEP_SECONDS))).isEmpty();
    }

    @Test
    void refusesAnythingButSixDigits() {
        Instant now = Instant.ofEpochSecond(59);
        String code = Totp.code(RFC_KEY, Totp.step(now));
        assertThat(Totp.verify(RFC_KEY, code + "0", now)).isEmpty();
        assertThat(Totp.verify(RFC_KEY, code.substring(1), now)).isEmpty();
        assertThat(Totp.verify(RFC_KEY, "28708a", now)).isEmpty();
        assertThat(Totp.verify(RFC_KEY, null, now)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base32.decode(Base32.encode(RFC_KEY))).isEqualTo(RFC_KEY);
    }
}
