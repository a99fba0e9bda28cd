package dev.portcullis.password.internal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import org.passay.RuleResultDetail;
import org.passay.resolver.MessageResolver;
import org.passay.rule.LengthRule;
import org.passay.rule.UsernameRule;

import com.nulabinc.zxcvbn.Feedback;

import dev.portcullis.i18n.Messages;

/**
 * The password feedback people read, from the {@code password} bundle in their language: Passay's rule messages
 * through a {@link MessageResolver}, zxcvbn's warnings and suggestions through a resource bundle in place of its own
 * (whose German is informal), and the estimated time to crack a password.
 */
public final class PasswordTexts {

    /** zxcvbn's message keys, each read from {@code password.zxcvbn.<key>}. */
    static final List<String> ZXCVBN_KEYS = List.of(Feedback.DEFAULT_SUGGESTIONS_USE_FEW_WORDS,
            Feedback.DEFAULT_SUGGESTIONS_NO_NEED_SYMBOLS, Feedback.EXTRA_SUGGESTIONS_ADD_ANOTHER_WORD,
            Feedback.SPATIAL_WARNING_STRAIGHT_ROWS_OF_KEYS, Feedback.SPATIAL_WARNING_SHORT_KEYBOARD_PATTERNS,
            Feedback.SPATIAL_SUGGESTIONS_USE_LONGER_KEYBOARD_PATTERN, Feedback.REPEAT_WARNING_LIKE_AAA,
            Feedback.REPEAT_WARNING_LIKE_ABCABCABC, Feedback.REPEAT_SUGGESTIONS_AVOID_REPEATED_WORDS,
            Feedback.SEQUENCE_WARNING_LIKE_ABCOR6543, Feedback.SEQUENCE_SUGGESTIONS_AVOID_SEQUENCES,
            Feedback.REGEX_WARNING_RECENT_YEARS, Feedback.REGEX_SUGGESTIONS_AVOID_RECENT_YEARS,
            Feedback.DATE_WARNING_DATES, Feedback.DATE_SUGGESTIONS_AVOID_DATES,
            Feedback.DICTIONARY_WARNING_PASSWORDS_TOP10, Feedback.DICTIONARY_WARNING_PASSWORDS_TOP100,
            Feedback.DICTIONARY_WARNING_PASSWORDS_VERY_COMMON, Feedback.DICTIONARY_WARNING_PASSWORDS_SIMILAR,
            Feedback.DICTIONARY_WARNING_ENGLISH_WIKIPEDIA_ITSELF, Feedback.DICTIONARY_WARNING_ETC_NAMES_THEMSELVES,
            Feedback.DICTIONARY_WARNING_ETC_NAMES_COMMON, Feedback.DICTIONARY_SUGGESTIONS_CAPITALIZATION,
            Feedback.DICTIONARY_SUGGESTIONS_ALL_UPPERCASE, Feedback.DICTIONARY_SUGGESTIONS_REVERSED,
            Feedback.DICTIONARY_SUGGESTIONS_L33T);

    private static final Map<Locale, ResourceBundle> ZXCVBN_BUNDLES = new ConcurrentHashMap<>();

    private PasswordTexts() {
    }

    /** Passay's messages in {@code locale}; the length rules get their numbers from the policy instead. */
    public static MessageResolver passay(Locale locale) {
        return detail -> switch (detail.getErrorCode()) {
            case UsernameRule.ERROR_CODE -> Messages.get(locale, "password.rule.username");
            case UsernameRule.ERROR_CODE_REVERSED -> Messages.get(locale, "password.rule.username-reversed");
            case LengthRule.ERROR_CODE_MIN -> Messages.get(locale, "password.rule.too-short-plain", value(detail, 0));
            case LengthRule.ERROR_CODE_MAX -> Messages.get(locale, "password.rule.too-long-plain", value(detail, 1));
            default -> Messages.get(locale, "password.rule.other");
        };
    }

    private static Object value(RuleResultDetail detail, int index) {
        Object[] values = detail.getValues();
        return values.length > index ? values[index] : "";
    }

    /** zxcvbn's warning in {@code locale}, or empty. */
    public static String warning(Feedback feedback, Locale locale) {
        String warning = feedback.withResourceBundle(zxcvbn(locale)).getWarning(locale);
        return warning == null ? "" : warning;
    }

    /** zxcvbn's suggestions in {@code locale}. */
    public static List<String> suggestions(Feedback feedback, Locale locale) {
        return feedback.withResourceBundle(zxcvbn(locale)).getSuggestions(locale);
    }

    /** zxcvbn's keys with our words for them. */
    static ResourceBundle zxcvbn(Locale locale) {
        Locale language = Messages.LANGUAGES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(Messages.LANGUAGES.getFirst());
        return ZXCVBN_BUNDLES.computeIfAbsent(language, PasswordTexts::zxcvbnBundle);
    }

    private static ResourceBundle zxcvbnBundle(Locale language) {
        Map<String, String> texts = new ConcurrentHashMap<>();
        for (String key : ZXCVBN_KEYS) {
            // Read raw: zxcvbn's texts take no arguments, and an apostrophe is written '' in our bundle.
            String ours = "password.zxcvbn." + key;
            texts.put(key, Messages.get(language, ours));
        }
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return texts.get(key);
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(texts.keySet());
            }
        };
    }

    /**
     * How long an offline attack on a slow hash would take: "less than a second", "3 hours", "centuries", in the
     * reader's words (zxcvbn's own display is English only).
     */
    public static String crackTime(double seconds, Locale locale) {
        double minute = 60;
        double hour = minute * 60;
        double day = hour * 24;
        double month = day * 31;
        double year = month * 12;
        double century = year * 100;
        if (seconds < 1) {
            return Messages.get(locale, "password.time.instant");
        } else if (seconds < minute) {
            return Messages.get(locale, "password.time.seconds", Math.round(seconds));
        } else if (seconds < hour) {
            return Messages.get(locale, "password.time.minutes", Math.round(seconds / minute));
        } else if (seconds < day) {
            return Messages.get(locale, "password.time.hours", Math.round(seconds / hour));
        } else if (seconds < month) {
            return Messages.get(locale, "password.time.days", Math.round(seconds / day));
        } else if (seconds < year) {
            return Messages.get(locale, "password.time.months", Math.round(seconds / month));
        } else if (seconds < century) {
            return Messages.get(locale, "password.time.years", Math.round(seconds / year));
        }
        return Messages.get(locale, "password.time.centuries");
    }
}
