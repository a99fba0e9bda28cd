package dev.portcullis.admin.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;

/** The locale a user reads: the chosen language with the browser's formats when it speaks it, else its usual ones. */
class BrowserLocaleTest {

    private static final Locale SWISS_GERMAN = Locale.forLanguageTag("de-CH");
    private static final Locale BRITISH = Locale.forLanguageTag("en-GB");

    @Test
    void theBrowsersLocaleWithoutAChoice() {
        assertThat(BrowserLocale.resolve(SWISS_GERMAN, null)).isEqualTo(SWISS_GERMAN);
        assertThat(BrowserLocale.resolve(null, null)).isNull();
        assertThat(BrowserLocale.resolve(Locale.ROOT, null)).isNull();
    }

    @Test
    void aChosenLanguageKeepsTheBrowsersRegionWhenTheBrowserSpeaksIt() {
        assertThat(BrowserLocale.resolve(SWISS_GERMAN, Locale.GERMAN)).isEqualTo(SWISS_GERMAN);
        assertThat(BrowserLocale.resolve(BRITISH, Locale.ENGLISH)).isEqualTo(BRITISH);
        assertThat(BrowserLocale.resolve(BRITISH, Locale.GERMAN)).isEqualTo(Locale.GERMANY);
        assertThat(BrowserLocale.resolve(SWISS_GERMAN, Locale.ENGLISH)).isEqualTo(Locale.US);
        assertThat(BrowserLocale.resolve(null, Locale.GERMAN)).isEqualTo(Locale.GERMANY);
    }

    @Test
    void aHostsOwnI18nProviderDecidesUnlessTheUserChose() {
        UI ui = new UI();
        ui.setLocale(Locale.FRENCH);
        BrowserLocale.apply(ui, SWISS_GERMAN, null, true);
        assertThat(ui.getLocale()).isEqualTo(Locale.FRENCH);
        BrowserLocale.apply(ui, SWISS_GERMAN, null, false);
        assertThat(ui.getLocale()).isEqualTo(SWISS_GERMAN);
        BrowserLocale.apply(ui, BRITISH, Locale.GERMAN, true);
        assertThat(ui.getLocale()).isEqualTo(Locale.GERMANY);
    }

    @Test
    void eachLanguageIsNamedInItself() {
        assertThat(BrowserLocale.nameOf(Locale.ENGLISH)).isEqualTo("English");
        assertThat(BrowserLocale.nameOf(Locale.GERMAN)).isEqualTo("Deutsch");
    }
}
