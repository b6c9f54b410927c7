package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A hand-worked fixture through the whole path: CSV over HTTP → case clock → PostgreSQL statistics →
 * results API.
 *
 * <pre>
 * 2024 decided cases (calendar days): A 1, B 2, C 3, D 4, E 10,
 *   R 7 (decided 2023-12-20 after 5 days, reopened 2024-01-10, decided 2024-01-12: 5 + 2; belongs to 2024)
 *   sorted {1, 2, 3, 4, 7, 10}: mean 27/6 = 4.5; median (3 + 4)/2 = 3.5;
 *   p80: rank 0.8·5 = 4.0 → 7; p90: rank 4.5 → 7 + 0.5·(10 − 7) = 8.5;
 *   share within 3 days = 3/6 = 50 %; within 7 = 5/6 = 83.33…%
 * 2023: F 6 only (R moved to 2024). Open at the end of 2024: G received 2024-12-20 → 1 case, oldest 11 days.
 * </pre>
 */
class ProcessingTimeStatisticsIT extends IntegrationTest {

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void data() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        String csv = Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2024-03-01T09:00", "2024-03-02T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2024-04-01T09:00", "2024-04-03T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "C", "2024-05-01T09:00", "2024-05-04T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "D", "2024-06-01T09:00", "2024-06-05T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "E", "2024-07-01T09:00", "2024-07-11T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "F", "2023-06-04T09:00", "2023-06-10T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "G", "2024-12-20T09:00", null)
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "R", "2023-12-15T09:00", "2023-12-20T09:00")
                + "R-o,testens-styrelse,tilladelse,R,reopened,2024-01-10T09:00\n"
                + "R-d2,testens-styrelse,tilladelse,R,decided,2024-01-12T09:00\n";
        var response = post("/api/v1/case-events", "text/csv", csv, INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private Map<String, JsonNode> resultsOf(String statistic, String extra) {
        String goal = """
                {"organisation":"testens-styrelse","caseType":"tilladelse","sentence":"Test","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"processing_time","statistic":"%s"%s,"dayUnit":"calendar"},
                 "periodKind":"year","scale":{"kind":"binary","comparator":"%s","threshold":%s}}"""
                .formatted(statistic, extra, statistic.equals("share_within") ? ">=" : "<=", statistic.equals("share_within") ? "50" : "4.5");
        var created = post("/api/v1/goals", "application/json", goal, ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var results = json(get("/api/v1/goals/" + json(created).get("id").asLong() + "/results"));
        Map<String, JsonNode> byPeriod = new HashMap<>();
        results.get("results").forEach(r -> byPeriod.put(r.get("period").asString(), r));
        return byPeriod;
    }

    @Test
    void meanMedianAndPercentilesMatchTheHandWorkedFixture() {
        var mean = resultsOf("mean", "");
        assertThat(mean.get("2024").get("value").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(mean.get("2024").get("observations").asInt()).isEqualTo(6);
        assertThat(mean.get("2024").get("status").asString()).as("4.5 ≤ 4.5 is met").isEqualTo("met");
        assertThat(mean.get("2023").get("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(mean.get("2023").get("status").asString()).isEqualTo("not_met");

        assertThat(resultsOf("median", "").get("2024").get("value").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(resultsOf("percentile", ",\"percentile\":80").get("2024").get("value").decimalValue()).isEqualByComparingTo("7");
        assertThat(resultsOf("percentile", ",\"percentile\":90").get("2024").get("value").decimalValue()).isEqualByComparingTo("8.5");
    }

    @Test
    void shareWithinNDaysIsCasesWithinOverDecidedCases() {
        var within3 = resultsOf("share_within", ",\"withinDays\":3");
        assertThat(within3.get("2024").get("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(within3.get("2024").get("status").asString()).as("exactly the threshold").isEqualTo("met");
        var within7 = resultsOf("share_within", ",\"withinDays\":7");
        assertThat(within7.get("2024").get("value").doubleValue()).isCloseTo(500.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void openCasesAtPeriodEndAreCountedSeparately() {
        var mean = resultsOf("mean", "");
        assertThat(mean.get("2024").get("openAtPeriodEnd").asInt()).isEqualTo(1);
        assertThat(mean.get("2024").get("oldestOpenAgeDays").asInt()).isEqualTo(11);
        assertThat(mean.get("2023").get("openAtPeriodEnd").asInt()).as("R was decided on 20/12/2023 and not yet reopened").isZero();
    }

    @Test
    void theDatabaseAggregatesAgreeWithAnIndependentQueryOverTheEvents() {
        // Independent check: for cases without pauses, calendar days = last decision date − receipt date minus
        // the gaps between a decision and a reopening, computed here straight from case_event in SQL.
        Double independentMean = jdbc.sql("""
                with per_case as (
                  select case_id,
                         sum(case when event = 'decided' then (occurred_at at time zone 'Europe/Copenhagen')::date else null end
                             - coalesce((select max((o.occurred_at at time zone 'Europe/Copenhagen')::date) from case_event o
                                         where o.case_id = e.case_id and o.event in ('received', 'reopened')
                                           and o.occurred_at < e.occurred_at), null)) as days,
                         max(occurred_at) filter (where event = 'decided') as last_decided
                  from case_event e where event = 'decided' group by case_id)
                select avg(days)::float8 from per_case
                where extract(year from last_decided at time zone 'Europe/Copenhagen') = 2024""").query(Double.class).single();
        var mean = resultsOf("mean", "");
        assertThat(mean.get("2024").get("value").doubleValue()).isEqualTo(independentMean);
    }
}
