package dev.portcullis.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    }

    @Test
    void theCommonListHoldsTheTop100000IgnoringCase() {
        assertThat(common.size()).isGreaterThan(96_000);
        assertThat(common.contains("123456")).isTrue();
        assertThat(common.contains("PaSsWoRd")).isTrue();
        assertThat(common.contains("quiet lantern over harbour water")).isFalse();
    }
}
