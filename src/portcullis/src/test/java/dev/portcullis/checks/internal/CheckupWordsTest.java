package dev.portcullis.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** The live checkup's grade and what it means, in the user's language; its findings stay English. */
class CheckupWordsTest {

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static CheckupResult graded(String grade, int score) {
        return new CheckupResult(URI.create("https://shop.example/"), Instant.EPOCH, score, grade, List.of(), List.of());
    }

    @Test
    void theGradeAndItsMeaningInEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(CheckupWords.grade(graded("B+", 85))).isEqualTo("Grade B+ · score 85");
        assertThat(CheckupWords.gradeMeaning(graded("A-", 90))).startsWith("Very good");
        assertThat(CheckupWords.gradeMeaning(graded("F", 0))).startsWith("Failing");
        assertThat(CheckupWords.run()).isEqualTo("Run the live checkup");
    }

    @Test
    void theGradeAndItsMeaningInGerman() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(CheckupWords.grade(graded("B+", 85))).isEqualTo("Note B+ · 85 Punkte");
        assertThat(CheckupWords.gradeMeaning(graded("D", 30))).startsWith("Mangelhaft");
        assertThat(CheckupWords.fixFirst()).isEqualTo("Zuerst beheben");
        assertThat(CheckupWords.notAUrl("bad port")).isEqualTo("Keine gültige URL: bad port");
        assertThat(graded("C", 50).describe()).as("the plain-text report stays English").startsWith("Checkup of");
    }
}
