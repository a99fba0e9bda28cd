package dev.portcullis.admin.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The host's words in the reader's language: {@code portcullis-labels_de} for German, key by key the base file
 * otherwise, and never the server's locale.
 */
class ValueLabelsTest {

    enum LabelledShelf { SCIFI, OUT_OF_PRINT }

    static class LabelledVolume {
        String publishedOn;
        String title;
    }

    @Test
    void aGermanReaderGetsTheGermanFileAndTheBaseFileForWhatItLacks() {
        assertThat(ValueLabels.of(LabelledShelf.SCIFI, Locale.GERMAN)).isEqualTo("Science-Fiction");
        assertThat(ValueLabels.of(LabelledShelf.SCIFI, Locale.forLanguageTag("de-AT"))).isEqualTo("Science-Fiction");
        assertThat(ValueLabels.attribute(LabelledVolume.class, "publishedOn", Locale.GERMAN)).isEqualTo("First published");
        assertThat(ValueLabels.of(LabelledShelf.OUT_OF_PRINT, Locale.GERMAN)).isEqualTo("Out of print");
        assertThat(ValueLabels.attribute(LabelledVolume.class, "title", Locale.GERMAN)).isEqualTo("Title");
    }

    @Test
    void otherLanguagesAndTheBaseReadTheBaseFile() {
        assertThat(ValueLabels.of(LabelledShelf.SCIFI, Locale.FRENCH)).isEqualTo("Science fiction");
        assertThat(ValueLabels.of(LabelledShelf.SCIFI, Locale.ROOT)).isEqualTo("Science fiction");
        assertThat(ValueLabels.attribute(LabelledVolume.class, "publishedOn", Locale.US)).isEqualTo("First published");
    }

    @Test
    void withoutAUserTheServersLocaleDoesNotDecide() {
        Locale server = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(ValueLabels.userLocale()).isEqualTo(Locale.ROOT);
            assertThat(ValueLabels.of(LabelledShelf.SCIFI)).isEqualTo("Science fiction");
            assertThat(ValueLabels.entity(LabelledVolume.class, "Labelled volume")).isEqualTo("Labelled volume");
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void entitiesAreNamedByTheHostInTheReadersLanguage() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.GERMAN);
        try {
            assertThat(ValueLabels.entity(LabelledVolume.class, "Labelled volume")).isEqualTo("Band");
            assertThat(ValueLabels.entityPlural(LabelledVolume.class, "Labelled volumes")).isEqualTo("Bände");
            assertThat(Wording.noun("Band")).isEqualTo("Band");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            assertThat(ValueLabels.entity(LabelledVolume.class, "Labelled volume")).isEqualTo("Labelled volume");
            assertThat(Wording.noun("Order line")).isEqualTo("order line");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
