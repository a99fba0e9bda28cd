package dev.portcullis.checks.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The support table bundled with the build ({@code support-table.tsv}): per product and release line, the newest
 * patch known when it was written and the end of free support.
 */
public final class SupportTable {

    // absolute: the table stays where the README and the release notes point, whatever package reads it
    static final String RESOURCE = "/dev/portcullis/checks/support-table.tsv";

    /** One release line, such as Spring Boot 4.0. */
    record Line(String product, String line, String newestPatch, LocalDate endOfSupport, String source) {
    }

    private final List<Line> lines;
    private final String updated;

    SupportTable(List<Line> lines, String updated) {
        this.lines = List.copyOf(lines);
        this.updated = updated;
    }

    public static SupportTable bundled() {
        try (InputStream in = SupportTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SupportTable parse(List<String> text) {
        List<Line> lines = new ArrayList<>();
        String updated = "unknown";
        for (String row : text) {
            if (row.startsWith("# Last updated ")) {
                updated = row.substring("# Last updated ".length()).split("\\.")[0].strip();
            }
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] cells = row.split("\t");
            if (cells.length != 5) {
                throw new IllegalStateException(RESOURCE + ": expected 5 tab-separated cells in '" + row + "'");
            }
            lines.add(new Line(cells[0], cells[1], cells[2], cells[3].equals("-") ? null : LocalDate.parse(cells[3]),
                    cells[4]));
        }
        return new SupportTable(lines, updated);
    }

    /** The day the table was last updated, as written in it. */
    String updated() {
        return updated;
    }

    /** The release line a version belongs to: the longest line that is a prefix of it. */
    Optional<Line> lineOf(String product, String version) {
        return lines.stream().filter(l -> l.product().equals(product))
                .filter(l -> version.equals(l.line()) || version.startsWith(l.line() + "."))
                .max(java.util.Comparator.comparingInt(l -> l.line().length()));
    }

    List<Line> lines() {
        return lines;
    }

    /** Compares dotted version numbers numerically ({@code 4.0.10 > 4.0.9}); qualifiers such as .Final are ignored. */
    static int compare(String a, String b) {
        String[] x = a.split("[.\\-+]");
        String[] y = b.split("[.\\-+]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? number(x[i]) : 0;
            int q = i < y.length ? number(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int number(String part) {
        return part.chars().allMatch(Character::isDigit) && !part.isEmpty() ? Integer.parseInt(part) : 0;
    }
}
