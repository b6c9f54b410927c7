package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void textThatASpreadsheetWouldTakeForAFormulaGetsASingleQuote() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCells.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvCells.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.cell("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvCells.cell("\n=1")).isEqualTo("'\n=1");
    }

    @Test
    void aNegativeNumberTypedAsTextIsTextButOneWrittenFromANumberStaysANumber() {
        assertThat(CsvCells.cell("-3,5")).isEqualTo("'-3,5");
        assertThat(CsvCells.cell("-3.5")).isEqualTo("'-3.5");
        assertThat(CsvCells.cell(new BigDecimal("-3.5"))).isEqualTo("-3.5");
        assertThat(CsvCells.cell(new BigDecimal("-1E+3"))).isEqualTo("-1000");
        assertThat(CsvCells.cell(-3L)).isEqualTo("-3");
        assertThat(CsvCells.cell(-3)).isEqualTo("-3");
        assertThat(CsvCells.cell(-3.5d)).isEqualTo("-3.5");
    }

    @Test
    void ordinaryValuesAreLeftAlone() {
        assertThat(CsvCells.cell(null)).isNull();
        assertThat(CsvCells.cell("")).isEmpty();
        assertThat(CsvCells.cell("Vejle Kommune = god service")).isEqualTo("Vejle Kommune = god service");
        assertThat(CsvCells.cell("2025-Q3")).isEqualTo("2025-Q3");
        assertThat(CsvCells.cell(true)).isEqualTo("true");
        assertThat(CsvCells.cells(1L, null, "=1", "x")).isEqualTo(Arrays.asList("1", null, "'=1", "x"));
    }
}
