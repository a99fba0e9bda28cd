package dev.portcullis.admin.data.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hibernate.proxy.HibernateProxy;

import jakarta.persistence.Entity;

import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.internal.DisplayValues;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.ListColumn;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListQuery;

/**
 * Writes a list as CSV (RFC 4180, UTF-8): the list's columns, its search, filters and order, streamed from the
 * database a row at a time. Cells that a spreadsheet would run as a formula are escaped unless told otherwise.
 * Values read as in the list, in the user's locale (labels, "31.12.2024", "12,50"); where the locale writes decimals
 * with a comma the cells are separated by ';', as spreadsheets of that locale expect. Raw values (ISO dates, plain
 * decimals, enum constants, row ids) are an option for programs that read the file.
 */
public final class CsvExport {

    /** Prefixes that make a spreadsheet treat a cell as a formula (OWASP's "CSV injection"). */
    static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvExport() {
    }

    /**
     * How to export.
     *
     * @param limit most rows to write
     * @param bom start with a UTF-8 byte order mark (for Excel)
     * @param escapeFormulas prefix cells starting with = + - @ tab or CR with an apostrophe
     * @param raw write raw values (ISO dates, plain decimals, enum constants, row ids, ',' between cells) instead of
     *            what the list shows
     * @param locale the reader's locale for the values the list shows; ignored for raw values
     */
    public record Options(int limit, boolean bom, boolean escapeFormulas, boolean raw, Locale locale) {

        /** What the list shows, in the server's locale. */
        public Options(int limit, boolean bom, boolean escapeFormulas) {
            this(limit, bom, escapeFormulas, false, Locale.getDefault());
        }

        /** ',' or, for shown values in a locale whose decimal separator is a comma, ';'. */
        char separator() {
            return !raw && DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',' ? ';' : ',';
        }
    }

    /**
     * Writes the list's rows matching the query; needs the export permission on the entity (checked on the server).
     * The export is recorded in the history log with the number of rows.
     *
     * @return rows written
     */
    public static <T> long write(AdminEntityService service, AdminModel<T> model, ListQuery query, OutputStream out,
            Options options) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        List<ListColumn<T>> columns = model.columns();
        try {
            if (options.bom()) {
                writer.write('\uFEFF');
            }
            line(writer, columns.stream().map(c -> (Object) (options.raw() ? c.key() : c.label())).toList(), options);
            long rows = service.export(model, query, options.limit(), row -> {
                try {
                    line(writer, columns.stream().map(c -> c.computed() != null ? c.computed().apply(row)
                            : PropertyValues.read(row, c.key())).toList(), options);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
            writer.flush();
            return rows;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void line(Writer writer, List<Object> values, Options options) throws IOException {
        char separator = options.separator();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(separator);
            }
            Object value = values.get(i);
            String text = options.raw() ? raw(value) : DisplayValues.format(value, options.locale());
            writer.write(quoted(escaped(text, value, options.escapeFormulas()), separator));
        }
        writer.write("\r\n");
    }

    /** One raw value as a CSV cell: formula-escaped when asked (numbers are never formulas), then quoted if needed. */
    static String cell(Object value, boolean escapeFormulas) {
        return quoted(escaped(raw(value), value, escapeFormulas), ',');
    }

    /** ISO dates, plain decimals, enum constants, a row's id; never a row's {@code Object.toString()}. */
    static String raw(Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> number.toString();
            case Enum<?> constant -> constant.name();
            case Collection<?> many -> many.stream().map(CsvExport::raw).collect(Collectors.joining(", "));
            case HibernateProxy proxy -> String.valueOf(proxy.getHibernateLazyInitializer().getIdentifier());
            default -> value.getClass().isAnnotationPresent(Entity.class) ? String.valueOf(EntityLabels.idOf(value))
                    : String.valueOf(value);
        };
    }

    private static String escaped(String text, Object value, boolean escapeFormulas) {
        if (escapeFormulas && !(value instanceof Number) && !text.isEmpty()
                && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String quoted(String text, char separator) {
        if (text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
