package dev.portcullis.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The bundles are complete and well formed: every language has every key, every value is a valid pattern, and
 * every key the code asks for exists. A missing German text or a typo in a key fails here, not in front of a user.
 */
class MessagesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/dev/portcullis/i18n");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    /** {@code Messages.get("key"} or {@code Messages.get(locale, "key"}. */
    private static final Pattern KEY_USE =
            Pattern.compile("Messages\\.get\\(\\s*(?:[\\w.()]+\\s*,\\s*)?\"([^\"]+)\"");

    @Test
    void everyLanguageHasEveryKeyOfEveryBundle() throws IOException {
        Map<String, Properties> english = bundles("");
        assertThat(english).isNotEmpty();
        for (Locale language : Messages.LANGUAGES.subList(1, Messages.LANGUAGES.size())) {
            Map<String, Properties> translated = bundles("_" + language.getLanguage());
            assertThat(translated.keySet()).as("bundles in %s", language).isEqualTo(english.keySet());
            english.forEach((bundle, texts) -> assertThat(translated.get(bundle).stringPropertyNames())
                    .as("keys of %s in %s", bundle, language).isEqualTo(texts.stringPropertyNames()));
        }
    }

    @Test
    void everyKeyBelongsToTheBundleNamedByItsFirstSegmentAndEveryValueIsAPattern() throws IOException {
        for (String suffix : List.of("", "_de")) {
            bundles(suffix).forEach((bundle, texts) -> texts.stringPropertyNames().forEach(key -> {
                assertThat(key).as("key in %s%s", bundle, suffix).startsWith(bundle + ".");
                String value = texts.getProperty(key);
                assertThat(value).as(key).isNotBlank();
                assertThat(LONE_APOSTROPHE.matcher(value).find()).as("%s: write an apostrophe as ''", key).isFalse();
                new MessageFormat(value, Locale.ENGLISH);
            }));
        }
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher use = KEY_USE.matcher(Files.readString(file));
                while (use.find()) {
                    used.add(use.group(1));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : used) {
            for (Locale language : Messages.LANGUAGES) {
                if (Messages.pattern(language, key) == null) {
                    missing.add(key + " (" + language + ")");
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(missing).isEmpty();
    }

    @Test
    void aRegionalLocaleReadsItsLanguageAndAnUnknownOneReadsEnglishWhateverTheServerSpeaks() {
        Locale server = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(Messages.get(Locale.forLanguageTag("de-CH"), "common.cancel")).isEqualTo("Abbrechen");
            assertThat(Messages.get(Locale.FRENCH, "common.cancel")).isEqualTo("Cancel");
            assertThat(Messages.get(Locale.US, "common.cancel")).isEqualTo("Cancel");
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void aMissingKeyShowsTheKeyInsteadOfFailingThePage() {
        assertThat(Messages.get(Locale.ENGLISH, "common.no-such-text")).isEqualTo("common.no-such-text");
        assertThat(Messages.get(Locale.ENGLISH, "nobundle")).isEqualTo("nobundle");
        assertThat(Messages.exists("common.save")).isTrue();
    }

    /** bundle name → its texts, for the files {@code <bundle><suffix>.properties}. */
    private static Map<String, Properties> bundles(String suffix) throws IOException {
        Map<String, Properties> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".properties"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .filter(name -> suffix.isEmpty() ? !name.contains("_") : name.endsWith(suffix))
                    .forEach(name -> found.put(name.substring(0, name.length() - suffix.length()), load(name)));
        }
        return found;
    }

    private static Properties load(String name) {
        Properties texts = new Properties();
        try (InputStream in = Files.newInputStream(BUNDLES.resolve(name + ".properties"))) {
            texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
