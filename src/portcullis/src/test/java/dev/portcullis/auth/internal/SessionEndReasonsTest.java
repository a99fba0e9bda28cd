package dev.portcullis.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Why a session ended reads in the reader's language, from a code or from the English text older rows hold. */
class SessionEndReasonsTest {

    @Test
    void codesReadInEachLanguage() {
        assertThat(SessionEndReasons.label(Locale.ENGLISH, SessionEndReasons.SIGNED_OUT, null)).isEqualTo("signed out");
        assertThat(SessionEndReasons.label(Locale.GERMAN, SessionEndReasons.SIGNED_OUT, null)).isEqualTo("abgemeldet");
        assertThat(SessionEndReasons.label(Locale.ENGLISH, SessionEndReasons.ENDED_BY, "ana")).isEqualTo("ended by ana");
        assertThat(SessionEndReasons.label(Locale.GERMAN, SessionEndReasons.ENDED_BY, "ana")).isEqualTo("beendet von ana");
        assertThat(SessionEndReasons.label(Locale.GERMAN, SessionEndReasons.PASSWORD_CHANGED, null))
                .isEqualTo("Passwort geändert");
        assertThat(SessionEndReasons.label(Locale.ENGLISH, SessionEndReasons.IDLE_TIMEOUT, null))
                .isEqualTo("timed out (idle)");
        assertThat(SessionEndReasons.label(Locale.GERMAN, SessionEndReasons.PASSWORD_SET, null))
                .isEqualTo("Passwort gesetzt von einem Administrator");
        assertThat(SessionEndReasons.label(Locale.ENGLISH, null, null)).isEmpty();
    }

    @Test
    void olderRowsWithEnglishTextStayReadableAndAreTranslatedToo() {
        assertThat(SessionEndReasons.label(Locale.GERMAN, "signed out", null)).isEqualTo("abgemeldet");
        assertThat(SessionEndReasons.label(Locale.GERMAN, "ended by ana", null)).isEqualTo("beendet von ana");
        assertThat(SessionEndReasons.label(Locale.ENGLISH, "two-factor sign-in reset by root", "root"))
                .isEqualTo("two-factor sign-in reset by root");
        assertThat(SessionEndReasons.label(Locale.GERMAN, "two-factor sign-in reset by root", "root"))
                .isEqualTo("Zwei-Faktor-Authentifizierung zurückgesetzt von root");
        // A reason nobody knows is shown as stored rather than hidden.
        assertThat(SessionEndReasons.label(Locale.GERMAN, "ended by an administrator script", null))
                .isEqualTo("beendet von an administrator script");
        assertThat(SessionEndReasons.label(Locale.GERMAN, "maintenance window", null)).isEqualTo("maintenance window");
    }
}
