package dev.portcullis.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.portcullis.password.internal.CommonPasswords;

/** The policy as a table: what it accepts, what it refuses, and the reason it gives. */
class PasswordPolicyTest {

    private static final List<String> ADA = List.of("ada.lovelace", "ada@example.com", "ada", "Ada Lovelace", "Ada",
            "Lovelace");

    private static CommonPasswords common;
    private static PasswordPolicy policy;

    @BeforeAll
    static void load() {
        common = CommonPasswords.load();
        policy = new PasswordPolicy(new PasswordPolicyProperties(), common);
    }

    @ParameterizedTest(name = "accepts \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "correct horse battery staple",
        "quiet lantern over harbour water",
        "Zx9!kQ2@vL5#pR8$",
        "tre små grisar och en varg",
        "🦊🌲🏔️ fox in the high forest",
        "    spaces   are   fine   too    "})
    void accepts(String password) {
        PasswordCheck check = policy.check(password, ADA);
        assertThat(check.problems()).isEmpty();
        assertThat(check.score()).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "refuses \"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
        "short|Use at least 12 characters (this one has 5).",
        "🦊🦊🦊🦊🦊|Use at least 12 characters (this one has 5).",
        "password1234|This is one of the 100,000 most common passwords; attackers try those first.",
        "PASSWORD1234|This is one of the 100,000 most common passwords; attackers try those first.",
        "1qaz2wsx3edc|This is one of the 100,000 most common passwords; attackers try those first.",
        "ada.lovelace-rocks-2024|Do not use your username in the password.",
        "ecalevol.ada-rocks-2024|Do not use your username, even reversed, in the password.",
        "my-lovelace-garden-key|Do not use your username, e-mail or name in the password.",
        "aaaaaaaaaaaaaaaa|This password is too easy to guess (strength 0 of 4; at least 3 is needed).",
        "qwertyuiopasdfgh|This password is too easy to guess"})
    void refusesWithAReason(String password, String reason) {
        PasswordCheck check = policy.check(password, ADA);
        assertThat(check.accepted()).isFalse();
        assertThat(check.problems()).anySatisfy(problem -> assertThat(problem).startsWith(reason));
    }

    @Test
    void tooLongIsRefusedNotTruncatedAndAnsweredQuickly() {
        String huge = "a tidy passphrase ".repeat(556) + "xy";
        assertThat(huge).hasSize(10_010);
        long started = System.nanoTime();
        PasswordCheck check = policy.check(huge, ADA);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(check.problems()).containsExactly(
                "Use at most 128 characters (this one has 10010); longer passwords are refused, not shortened.");
        System.out.printf("[measure] policy check of a 10,010-character password: %d ms%n", took.toMillis());
    }

    @Test
    void aHundredCharacterPasswordIsEstimatedInFull() {
        String hundred = "quiet lantern over harbour water and a long walk home under northern lights ok".repeat(2)
                .substring(0, 100);
        policy.check(hundred, ADA);
        long started = System.nanoTime();
        PasswordCheck check = policy.check(hundred, ADA);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(check.problems()).isEmpty();
        assertThat(check.score()).isEqualTo(4);
        System.out.printf("[measure] policy check (zxcvbn estimate) of a 100-character password: %d ms%n", millis);
    }

    @Test
    void argon2idVerificationUsesOwaspParameters() {
        var encoder = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
        String hash = encoder.encode("quiet lantern over harbour water");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        encoder.matches("quiet lantern over harbour water", hash);
        long started = System.nanoTime();
        assertThat(encoder.matches("quiet lantern over harbour water", hash)).isTrue();
        System.out.printf("[measure] one Argon2id verification (m=19456 KiB, t=2, p=1): %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void exactlyTheMaximumIsAccepted() {
        String longest = "harbour lantern quietly ".repeat(6).substring(0, 128);
        assertThat(policy.check(longest, ADA).problems()).isEmpty();
    }

    @Test
    void weakPasswordsComeWithZxcvbnAdvice() {
        PasswordCheck check = policy.check("abcabcabcabc", ADA);
        assertThat(check.label()).isIn("Very weak", "Weak");
        assertThat(check.warning()).isNotBlank();
        assertThat(check.suggestions()).isNotEmpty();
        assertThat(check.crackTime()).isNotBlank();
        assertThat(check.problems()).anySatisfy(problem -> assertThat(problem).startsWith("This password is too easy")
                .contains(check.warning()).contains(check.suggestions().getFirst()));
    }

    @Test
    void theCommonListHoldsTheTop100000IgnoringCase() {
        assertThat(common.size()).isGreaterThan(96_000);
        assertThat(common.contains("123456")).isTrue();
        assertThat(common.contains("PaSsWoRd")).isTrue();
        assertThat(common.contains("quiet lantern over harbour water")).isFalse();
    }
}
