package dev.portcullis.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses in their usual short form and user agents as a short browser-and-system label. */
class SessionLabelsTest {

    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "::1, ::1",
        "[::1], ::1",
        "0:0:0:0:0:ffff:a00:7, 10.0.0.7",
        "::ffff:10.0.0.7, 10.0.0.7",
        "2001:0DB8:0:0:0:0:0:1, 2001:db8::1",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "fe80:0:0:0:1:0:0:0%eth0, fe80::1:0:0:0",
        "2001:db8:1:1:1:1:1:1, 2001:db8:1:1:1:1:1:1",
        "203.0.113.5, 203.0.113.5",
        "unknown, unknown",
        "example.org, example.org"})
    void addressesAreShownInTheirShortForm(String recorded, String shown) {
        assertThat(SessionLabels.address(recorded)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
                + "| Chrome 131 on Windows",
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0| Firefox 133 on Ubuntu",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5"
                + " Mobile/15E148 Safari/604.1| Mobile Safari 17 on iOS",
        "curl/8.5.0| curl 8",
        "Firefox| Unknown browser"})
    void userAgentsBecomeAShortLabel(String userAgent, String label) {
        assertThat(SessionLabels.browser(userAgent)).isEqualTo(label);
    }
}
