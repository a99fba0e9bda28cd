package dev.portcullis.webauthn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What the browser answers instead of a credential (a WebAuthn DOMException's name) reaches people as a sentence in
 * their language, never as the exception's name or its developer message.
 */
class BrowserRefusalsTest {

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aRefusalIsToldApartFromACredentialByItsShape() {
        assertThat(BrowserCredentials.refusal("{\"error\":\"NotAllowedError\"}")).isEqualTo("NotAllowedError");
        assertThat(BrowserCredentials.refusal("{\"error\":\"Not allowed; <b>\"}")).isEqualTo("Error");
        assertThat(BrowserCredentials.refusal("{\"id\":\"abc\",\"rawId\":\"abc\"}")).isNull();
        assertThat(BrowserCredentials.refusal(null)).isNull();
    }

    @Test
    void eachReasonReadsAsASentenceForPeople() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(BrowserCredentials.problem("NotAllowedError", false))
                .startsWith("Your browser did not get an answer from a key");
        assertThat(BrowserCredentials.problem("InvalidStateError", true)).isEqualTo(
                "This key is registered already. Use another key, or keep using this one.");
        assertThat(BrowserCredentials.problem("InvalidStateError", false))
                .isEqualTo(BrowserCredentials.problem("NotAllowedError", false));
        assertThat(BrowserCredentials.problem("SecurityError", false)).contains("usual https address");
        assertThat(BrowserCredentials.problem("Unsupported", false)).startsWith("This browser cannot use");
        assertThat(BrowserCredentials.problem("TypeError: o.user is undefined", false))
                .isEqualTo(BrowserCredentials.problem("NotAllowedError", false)).doesNotContain("TypeError");
    }

    @Test
    void aGermanUserReadsGerman() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(BrowserCredentials.problem("NotAllowedError", false)).startsWith(
                "Ihr Browser hat keine Antwort von einem Schlüssel erhalten");
        assertThat(BrowserCredentials.problem("ConstraintError", true)).startsWith(
                "Ihr Schlüssel kann nicht prüfen, dass Sie es sind");
        assertThat(CeremonyVerifier.expired()).isEqualTo(
                "Die Anfrage an Ihren Schlüssel ist abgelaufen. Versuchen Sie es erneut.");
    }
}
