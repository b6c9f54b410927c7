package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Comparison across organisations against a hand-worked fixture (2025, calendar days; quantiles by
 * linear interpolation between closest ranks, h = p(n − 1)):
 *
 * <pre>
 * A (hovedstaden)  cases {2, 4, 6, 8}  mean 5   p25 2 + .75·2 = 3.5  median 5  p75 6.5  p90 6 + .7·2 = 7.4
 * B (hovedstaden)  cases {10}          mean 10  all quantiles 10
 * C (nordjylland)  cases {1, 3}        mean 2   median 2  p90 1 + .9·2 = 2.8
 * D (nordjylland)  cases {20, 30, 40}  mean 30  median 30  p90 30 + .8·10 = 38
 * across the means {2, 5, 10, 30}: p25 2 + .75·3 = 4.25, median 5 + .5·5 = 7.5, p75 10 + .25·20 = 15, p90 10 + .7·20 = 24
 * only nordjylland {2, 30}: median 16
 * </pre>
 */
class ComparisonIT extends IntegrationTest {

    @Autowired
    CatalogueService catalogue;

    private void municipality(String slug, String region, int... days) {
        catalogue.createOrganisation(new CatalogueService.NewOrganisation(null, "municipality", slug, slug.toUpperCase(), ClosingDays.NONE, region));
        catalogue.createCaseType(slug, new CatalogueService.NewCaseType("byggeri", "Byggeri", "byggetilladelse", "Byggetilladelse", "received", true));
        var goal = post("/api/v1/goals", "application/json", """
                {"organisation":"%s","caseType":"byggetilladelse","indicatorKey":"servicemaal-byggetilladelse","sentence":"Hurtige byggetilladelser",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean"},
                 "scale":{"kind":"binary","comparator":"<=","threshold":10}}""".formatted(slug), ADMIN_TOKEN);
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
        StringBuilder csv = new StringBuilder(Fixtures.HEADER);
        int n = 0;
        for (int d : days) {
            java.time.LocalDate received = java.time.LocalDate.of(2025, 3, 3).plusDays(n * 7L);
            csv.append(Fixtures.caseRows(slug, "byggetilladelse", slug + "-" + (++n), received + "T09:00", received.plusDays(d) + "T09:00"));
        }
        var events = post("/api/v1/case-events", "text/csv", csv.toString(), INGEST_TOKEN);
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
    }

    @BeforeEach
    void fixture() {
        municipality("a", "hovedstaden", 2, 4, 6, 8);
        municipality("b", "hovedstaden", 10);
        municipality("c", "nordjylland", 1, 3);
        municipality("d", "nordjylland", 20, 30, 40);
    }

    private static Map<String, JsonNode> bySlug(JsonNode rows) {
        Map<String, JsonNode> map = new HashMap<>();
        rows.forEach(r -> map.put(r.get("organisation").asString(), r));
        return map;
    }

    @Test
    void eachOrganisationsValueAndCaseDistributionMatchTheHandWorkedFixture() {
        Map<String, JsonNode> rows = bySlug(json(get("/data/sammenligning/servicemaal-byggetilladelse.json?periode=2025")));
        assertThat(rows.get("a").get("value").decimalValue()).isEqualByComparingTo("5");
        assertThat(rows.get("a").get("cases_p25").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(rows.get("a").get("cases_median").decimalValue()).isEqualByComparingTo("5");
        assertThat(rows.get("a").get("cases_p75").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(rows.get("a").get("cases_p90").decimalValue()).isEqualByComparingTo("7.4");
        assertThat(rows.get("b").get("cases_p90").decimalValue()).isEqualByComparingTo("10");
        assertThat(rows.get("c").get("cases_p90").decimalValue()).isEqualByComparingTo("2.8");
        assertThat(rows.get("d").get("cases_p90").decimalValue()).isEqualByComparingTo("38");
        assertThat(rows.get("d").get("observations").asInt()).isEqualTo(3);
    }

    @Test
    void theSpreadAcrossOrganisationsIsShownOnThePageAndFollowsTheRegionFilter() {
        String page = get("/sammenligning/servicemaal-byggetilladelse?periode=2025").body();
        assertThat(page).contains("7,5 dage").contains("4,3 dage").contains("15,0 dage").contains("24,0 dage");
        String north = get("/sammenligning/servicemaal-byggetilladelse?periode=2025&region=nordjylland").body();
        assertThat(north).contains("16,0 dage").doesNotContain(">A<").contains(">C<");
        // Sorted by value, descending: D (30) first, C (2) last.
        String sorted = get("/sammenligning/servicemaal-byggetilladelse?periode=2025&sortering=value&retning=desc").body();
        assertThat(sorted.indexOf(">D<")).isLessThan(sorted.indexOf(">B<"));
        assertThat(sorted.indexOf(">B<")).isLessThan(sorted.indexOf(">A<"));
        assertThat(sorted.indexOf(">A<")).isLessThan(sorted.indexOf(">C<"));
        assertThat(sorted).contains("aria-sort=\"descending\"");
    }

    @Test
    void aGoalWithTheSameKeyMustMeasureTheSameThing() {
        catalogue.createOrganisation(new CatalogueService.NewOrganisation(null, "municipality", "e", "E", ClosingDays.NONE, "sjaelland"));
        catalogue.createCaseType("e", new CatalogueService.NewCaseType("byggeri", "Byggeri", "byggetilladelse", "Byggetilladelse", "received", true));
        var response = post("/api/v1/goals", "application/json", """
                {"organisation":"e","caseType":"byggetilladelse","indicatorKey":"servicemaal-byggetilladelse","sentence":"x",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"median"},
                 "scale":{"kind":"binary","comparator":"<=","threshold":10}}""", ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("indicatorKey").contains("must measure the same indicator");
    }

    @Test
    void csvAndJsonDownloadsCarryTheSameNumbers() throws Exception {
        String csv = get("/data/sammenligning/servicemaal-byggetilladelse.csv?periode=2025").body();
        JsonNode json = json(get("/data/sammenligning/servicemaal-byggetilladelse.json?periode=2025"));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(json.size());
        for (int i = 0; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            JsonNode j = json.get(i);
            assertThat(r.get("organisation")).isEqualTo(j.get("organisation").asString());
            for (String column : new String[]{"value", "cases_p25", "cases_median", "cases_p75", "cases_p90"}) {
                assertThat(new BigDecimal(r.get(column))).as(column).isEqualByComparingTo(j.get(column).decimalValue());
            }
            assertThat(Integer.parseInt(r.get("observations"))).isEqualTo(j.get("observations").asInt());
        }
        // Each goal's results round-trip too, at full precision.
        long goal = json.get(0).get("goal_id").asLong();
        String resultsCsv = get("/data/maal/" + goal + "/resultater.csv").body();
        JsonNode resultsJson = json(get("/api/v1/goals/" + goal + "/results")).get("results");
        List<CSVRecord> results = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(resultsCsv))
                .getRecords();
        for (CSVRecord r : results) {
            for (JsonNode j : resultsJson) {
                if (j.get("period").asString().equals(r.get("period")) && !j.get("value").isNull()) {
                    assertThat(new BigDecimal(r.get("value"))).isEqualByComparingTo(j.get("value").decimalValue());
                }
            }
        }
        var catalogue = json(get("/data/katalog.json"));
        assertThat(catalogue.get("@type").asString()).isEqualTo("dcat:Catalog");
        assertThat(catalogue.get("dcat:dataset").toString()).contains("sammenligning-servicemaal-byggetilladelse")
                .contains("creativecommons.org/licenses/by/4.0");
        assertThat(json(get("/data/skema/sammenligning.json")).get("fields").get(0).get("name").asString()).isEqualTo("organisation");
    }
}
