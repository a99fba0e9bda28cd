package dev.portcullis.admin.model.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Turning Java names into words and guessing what a misspelt name meant. */
public final class Names {

    private Names() {
    }

    /** "publishedOn" → "Published on", "CustomerOrder" → "Customer order", "author.name" → "Author name". */
    public static String humanize(String name) {
        String spaced = name.replace('.', ' ').replace('_', ' ')
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).trim();
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** "CustomerOrder" → "customer-order". */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String plural(String label) {
        if (label.endsWith("y") && !label.matches(".*[aeiou]y$")) {
            return label.substring(0, label.length() - 1) + "ies";
        }
        if (label.endsWith("s") || label.endsWith("x") || label.endsWith("ch") || label.endsWith("sh")) {
            return label + "es";
        }
        return label + "s";
    }

    /** The closest candidate within a small edit distance, for "did you mean" hints. */
    static Optional<String> closest(String wrong, Collection<String> candidates) {
        return candidates.stream()
                .filter(c -> distance(wrong.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT))
                        <= Math.max(2, wrong.length() / 3))
                .min(Comparator.comparingInt(c -> distance(wrong.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT))));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
