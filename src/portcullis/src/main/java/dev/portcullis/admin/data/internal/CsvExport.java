package dev.portcullis.admin.data.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.ListColumn;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListQuery;

/**
 * Writes a list as CSV (RFC 4180, UTF-8): the list's columns, its search, filters and order, streamed from the
 * database a row at a time. Cells that a spreadsheet would run as a formula are escaped unless told otherwise.
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
     */
    public record Options(int limit, boolean bom, boolean escapeFormulas) {
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
            line(writer, columns.stream().map(c -> (Object) c.label()).toList(), options.escapeFormulas());
            long rows = service.export(model, query, options.limit(), row -> {
                try {
                    line(writer, columns.stream().map(c -> c.computed() != null ? c.computed().apply(row)
                            : PropertyValues.read(row, c.key())).toList(), options.escapeFormulas());
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

    private static void line(Writer writer, List<Object> values, boolean escapeFormulas) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(values.get(i), escapeFormulas));
        }
        writer.write("\r\n");
    }

    /** One value as a CSV cell: formula-escaped when asked (numbers are never formulas), then quoted if needed. */
    static String cell(Object value, boolean escapeFormulas) {
        String text = switch (value) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> number.toString();
            case Enum<?> constant -> constant.name();
            case Collection<?> many -> many.stream().map(String::valueOf).collect(Collectors.joining(", "));
            default -> String.valueOf(value);
        };
        if (escapeFormulas && !(value instanceof Number) && !text.isEmpty()
                && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
