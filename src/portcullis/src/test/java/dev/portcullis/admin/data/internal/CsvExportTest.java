package dev.portcullis.admin.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Cells as a spreadsheet will read them: formulas defused, quoting per RFC 4180. */
class CsvExportTest {

    @Test
    void everyDangerousPrefixIsEscapedByDefault() {
        for (String dangerous : List.of("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tcmd", "\rcmd")) {
            String cell = CsvExport.cell(dangerous, true);
            String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
            assertThat(unquoted).as("cell for %s", dangerous).isEqualTo("'" + dangerous);
        }
        assertThat(CsvExport.cell("=HYPERLINK(\"http://evil\",\"x\")", true))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    }

    @Test
    void harmlessTextAndNumbersAreLeftAlone() {
        assertThat(CsvExport.cell("The silent harbor", true)).isEqualTo("The silent harbor");
        assertThat(CsvExport.cell("a=b", true)).isEqualTo("a=b");
        assertThat(CsvExport.cell(new BigDecimal("-12.50"), true)).isEqualTo("-12.50");
        assertThat(CsvExport.cell(-3, true)).isEqualTo("-3");
        assertThat(CsvExport.cell(null, true)).isEmpty();
    }

    @Test
    void escapingCanBeSwitchedOff() {
        assertThat(CsvExport.cell("=1+1", false)).isEqualTo("=1+1");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvExport.cell("Smith, Jane", true)).isEqualTo("\"Smith, Jane\"");
        assertThat(CsvExport.cell("say \"hi\"", true)).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.cell("two\nlines", true)).isEqualTo("\"two\nlines\"");
    }
}
