package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.platform.CsvCells;
import dk.klaremaal.support.IntegrationTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Text that a spreadsheet would read as a formula comes out of every CSV file as inert text. */
class CsvFormulaIT extends IntegrationTest {

    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    @Test
    void aFormulaInANameOrSentenceIsQuotedInThePublicCsvFiles() {
        var organisation = post("/api/v1/organisations", "application/json", """
                {"kind": "agency", "slug": "formel", "name": %s}""".formatted(JSON.writeValueAsString(FORMULA)), ADMIN_TOKEN);
        assertThat(organisation.statusCode()).as(organisation.body()).isLessThan(300);
        var goal = post("/api/v1/goals", "application/json", """
                {"organisation": "formel", "code": "@SUM(1)", "sentence": %s, "dimension": "faglig_kvalitet",
                 "indicator": {"kind": "milestones"}, "periodKind": "year",
                 "milestones": [{"title": "-3,5", "due": "2025-03-31"}],
                 "scale": {"kind": "binary", "comparator": ">=", "threshold": 100}}""".formatted(JSON.writeValueAsString(FORMULA)), ADMIN_TOKEN);
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);

        List<List<String>> organisations = csv("/data/organisationer.csv");
        assertThat(organisations).contains(Arrays.asList("formel", "'" + FORMULA, "agency", "", ""));
        List<List<String>> goals = csv("/data/organisationer/formel/maal.csv");
        assertThat(goals.get(1)).containsSequence("'@SUM(1)", "formel", "'" + FORMULA);
        List<List<String>> report = csv("/data/rapporter/formel/2025.csv");
        assertThat(report.get(1)).contains("'" + FORMULA);
        for (List<List<String>> table : List.of(organisations, goals, report)) {
            assertNoFormula(table);
        }
    }

    @Test
    void aFormulaInWhatACallerSentIsQuotedInTheAuditCsv() {
        // The body and the content type are the caller's own text, and are recorded as sent.
        var body = post("/api/v1/contacts", "text/csv", FORMULA, INGEST_TOKEN);
        assertThat(body.statusCode()).isBetween(400, 499);
        var contentType = post("/api/v1/organisations", "-2+3", "{}", ADMIN_TOKEN);
        assertThat(contentType.statusCode()).isBetween(400, 499);

        List<List<String>> audit = csv("/api/v1/audit.csv");
        assertThat(audit).anySatisfy(row -> assertThat(row).contains("/api/v1/contacts", "'" + FORMULA));
        assertThat(audit).anySatisfy(row -> assertThat(row).contains("'-2+3"));
        assertNoFormula(audit);
    }

    @Test
    void negativeResultsStayNumbersInTheOpenData() {
        DataTable table = new DataTable("t", "t", OpenDataTables.RESULTS.subList(0, 2), List.of(
                Arrays.asList(new BigDecimal("-3.5"), "-3,5"), Arrays.asList(-7L, null)));
        assertThat(table.csv()).isEqualTo("goal_id,period\r\n-3.5,\"'-3,5\"\r\n-7,\r\n");
    }

    private static void assertNoFormula(List<List<String>> table) {
        for (List<String> row : table) {
            for (String cell : row) {
                assertThat(CsvCells.startsFormula(cell)).as(cell).isFalse();
            }
        }
    }

    private List<List<String>> csv(String path) {
        var response = path.startsWith("/api/")
                ? send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build())
                : get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(response.body()))) {
                rows.add(record.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
