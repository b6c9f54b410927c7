package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The expected time, hand-worked across Easter 2025 (Maundy Thursday 17 April, Good Friday 18 April,
 * Easter Monday 21 April are holidays).
 *
 * <pre>
 * case  received         decided          working days                         calendar days
 * A     Wed 2025-04-16   Tue 2025-04-22   1 (17, 18, 21 holidays; 19–20 weekend)  6
 * B     Mon 2025-04-14   Thu 2025-04-24   5 (15, 16, 22, 23, 24)                   10
 * C     Tue 2025-04-01   Tue 2025-04-08   5                                        7
 * D     Thu 2025-04-10   Fri 2025-04-25   8 (11, 14, 15, 16, 22, 23, 24, 25)       15
 * E     Mon 2025-05-05   Mon 2025-05-12   5                                        7
 * F     Mon 2025-01-06   Mon 2025-02-10   decided before the 90-day window that ends 2025-05-20 (from 2025-02-20)
 * </pre>
 * Sorted working days {1, 5, 5, 5, 8}: 80 % nearest rank = ⌈0.8 × 5⌉ = 4th value = 5 working days.
 * Sorted calendar days {6, 7, 7, 10, 15}: the 4th value = 10 days.
 */
class ExpectedTimeIT extends IntegrationTest {

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void cases() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        var response = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2025-04-16T09:00", "2025-04-22T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2025-04-14T09:00", "2025-04-24T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "C", "2025-04-01T09:00", "2025-04-08T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "D", "2025-04-10T09:00", "2025-04-25T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "E", "2025-05-05T09:00", "2025-05-12T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "F", "2025-01-06T09:00", "2025-02-10T09:00"), INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode expected(String on) {
        var response = get("/api/v1/organisations/testens-styrelse/case-types/tilladelse/expected-time?on=" + on);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private void settings(String json) {
        var response = put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/expected-time-settings", "application/json",
                json, ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void eightyPercentOfRecentCasesInWorkingDaysAcrossEaster() {
        settings("{\"share\":80,\"dayUnit\":\"working\",\"minCases\":5}");
        JsonNode e = expected("2025-05-20");
        assertThat(e.get("basis").asString()).isEqualTo("measured");
        assertThat(e.get("cases").asInt()).isEqualTo(5);
        assertThat(e.get("days").asInt()).isEqualTo(5);
        assertThat(e.get("windowFrom").asString()).isEqualTo("2025-02-20");
        // Received Tuesday 2025-05-20 + 5 working days = Tuesday 2025-05-27.
        assertThat(e.get("expectedDecisionIfReceivedOn").asString()).isEqualTo("2025-05-27");
    }

    @Test
    void inCalendarDaysTheFourthOfFiveIsTenDays() {
        settings("{\"minCases\":5}");
        JsonNode e = expected("2025-05-20");
        assertThat(e.get("days").asInt()).isEqualTo(10);
        assertThat(e.get("dayUnit").asString()).isEqualTo("calendar");
    }

    @Test
    void withTooFewCasesItFallsBackToTheGoalAndSaysSo() {
        settings("{\"minCases\":5,\"longMinCases\":10}");
        var goal = post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"tilladelse","sentence":"Svar inden for 10 arbejdsdage","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"processing_time","statistic":"share_within","withinDays":10,"dayUnit":"working"},
                 "scale":{"kind":"binary","comparator":">=","threshold":90}}""", ADMIN_TOKEN);
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
        JsonNode e = expected("2025-12-31");
        assertThat(e.get("basis").asString()).isEqualTo("goal");
        assertThat(e.get("days").asInt()).isEqualTo(10);
        assertThat(e.get("dayUnit").asString()).isEqualTo("working");
        assertThat(e.get("explanation").asString()).contains("for få afgjorte sager");
    }

    @Test
    void withoutCasesOrGoalTheTimeIsUnknown() {
        // The longer window of 1,095 days ending 2029-12-31 starts 2027-01-02, after every case.
        JsonNode e = expected("2029-12-31");
        assertThat(e.get("basis").asString()).isEqualTo("none");
        assertThat(e.get("days").isNull()).isTrue();
    }

    @Test
    void settingsAreChecked() {
        var response = put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/expected-time-settings", "application/json",
                "{\"share\":120,\"dayUnit\":\"weeks\"}", ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("share").contains("dayUnit");
    }
}
