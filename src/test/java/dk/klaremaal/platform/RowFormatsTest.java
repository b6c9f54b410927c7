package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowFormatsTest {

    private static List<RawRow> read(String csv) {
        return RowFormats.csv(new StringReader(csv), List.of("a", "b"));
    }

    @Test
    void readsQuotedFieldsTrimsValuesAndNumbersRowsFromTheHeader() {
        List<RawRow> rows = read("\uFEFFa, b ,extra\n 1 ,\"x, \"\"y\"\"\nz\"\n\n3,4,5\n");
        assertThat(rows).extracting(RawRow::row).containsExactly(2, 3);
        assertThat(rows.get(0).raw("a")).isEqualTo("1");
        assertThat(rows.get(0).raw("b")).isEqualTo("x, \"y\"\nz");
        assertThat(rows.get(1).raw("extra")).isEqualTo("5");
    }

    @Test
    void aShortRowLeavesItsLastColumnsEmptyAndALongOneKeepsTheNamedOnes() {
        List<RawRow> rows = read("a,b\n1\n2,3,4\n");
        assertThat(rows.get(0).get("a")).isEqualTo("1");
        assertThat(rows.get(0).get("b")).isNull();
        assertThat(rows.get(1).fields()).containsOnlyKeys("a", "b").containsEntry("b", "3");
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> read("a,c\n1,2\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing: b");
        assertThatThrownBy(() -> read("")).isInstanceOf(InvalidInputException.class).hasMessageContaining("missing: a, b");
    }

    @Test
    void textAfterAClosingQuoteIsRefusedWithTheRowBeforeIt() {
        assertThatThrownBy(() -> read("a,b\n1,2\n\"3\"x,4\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid CSV after row 2");
    }

    @Test
    void aColumnNamedTwiceIsReadFromItsFirstPlace() {
        List<RawRow> rows = read("a,b,a\n1,2,3\n");
        assertThat(rows.getFirst().fields()).containsOnly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheRowWhereItOpenedInsteadOfSwallowingTheRest() {
        // Without the check the parser reads rows 4 to 6 into one value of row 3, and reports 2 rows.
        assertThatThrownBy(() -> read("a,b\n1,2\n\"3,4\n5,6\n7,8\n9,10\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a: row 3: the quote opened on line 3 is never closed");
        assertThatThrownBy(() -> read("a,b\n1,\"x\ny\"\n3,\"4\"\"\n5,6")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("b: row 3: the quote opened on line 4 is never closed");
        assertThatThrownBy(() -> read("a,b\n1,\"")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("b: row 2: the quote opened on line 2");
        assertThatThrownBy(() -> read("a,\"b\n1,2\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("header: row 1: the quote opened on line 1");
    }

    @Test
    void closedQuotesDoubledQuotesAndQuotesInsideUnquotedValuesAreRead() {
        List<RawRow> rows = read("a,b\r\n\"\",\"\"\"\"\r\n\"x\"\"\",5\" tall\r\n\"multi\r\nline\",\"\"\"\"\"\"\"\"");
        assertThat(rows).extracting(r -> r.raw("a") + "|" + r.raw("b")).containsExactly("|\"", "x\"|5\" tall", "multi\r\nline|\"\"\"");
    }

    @Test
    void onlyBlanksAreTrimmedSoOtherControlCharactersReachTheRowChecks() {
        List<RawRow> rows = read("a,b\n\t 1\u0000 ,\" \u0085x\t\"\n");
        assertThat(rows.getFirst().get("a")).isEqualTo("1\u0000");
        assertThat(rows.getFirst().get("b")).isEqualTo("\u0085x");
    }
}
