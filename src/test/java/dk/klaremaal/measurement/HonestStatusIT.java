package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A period is assessed only when it can honestly be. Hand-worked fixture (calendar days from receipt to decision):
 * <pre>
 * 2023: 1 case of 6 days            → mean 6
 * 2024: 3 cases of 3, 4, 5 days     → mean 4
 * 2025: 2 cases of 2 and 4 days     → mean 3
 * 2026-02: 3 cases of 2, 3, 3 days  → mean 8/3
 * </pre>
 */
class HonestStatusIT extends IntegrationTest {

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void cases() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        String csv = Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2023-03-01T09:00", "2023-03-07T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2024-03-01T09:00", "2024-03-04T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "C", "2024-04-01T09:00", "2024-04-05T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "D", "2024-05-01T09:00", "2024-05-06T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "E", "2025-03-01T09:00", "2025-03-03T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "F", "2025-04-01T09:00", "2025-04-05T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "G", "2026-02-02T09:00", "2026-02-04T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "H", "2026-02-02T09:00", "2026-02-05T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "I", "2026-02-09T09:00", "2026-02-12T09:00");
        var response = post("/api/v1/case-events", "text/csv", csv, INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private long goal(String fields) {
        var created = post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"tilladelse","sentence":"Sagerne afgøres hurtigt.",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean","dayUnit":"calendar"},
                 %s}""".formatted(fields), ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    private Map<String, JsonNode> results(long goal) {
        Map<String, JsonNode> byPeriod = new HashMap<>();
        json(get("/api/v1/goals/" + goal + "/results")).get("results").forEach(r -> byPeriod.put(r.get("period").asString(), r));
        return byPeriod;
    }

    @Test
    void aGoalWithOnlyA2026TargetIsNotJudgedIn2024And2025() {
        long id = goal("""
                "periodKind":"year","targets":[{"period":"2026","value":5}],
                "scale":{"kind":"binary","basis":"percent_of_target","comparator":"<=","threshold":100}""");
        Map<String, JsonNode> r = results(id);
        for (String year : new String[]{"2023", "2024", "2025"}) {
            assertThat(r.get(year).get("status").isNull()).as(year).isTrue();
            assertThat(r.get(year).get("assessment").asString()).as(year).isEqualTo("no_target");
            assertThat(r.get(year).get("target").isNull()).as(year).isTrue();
        }
        assertThat(r.get("2024").get("value").decimalValue()).isEqualByComparingTo("4");
        // 2026: 8/3 ≤ 5, 53,3 % of the target.
        assertThat(r.get("2026").get("assessment").asString()).isEqualTo("assessed");
        assertThat(r.get("2026").get("status").asString()).isEqualTo("met");
        String page = get("/maal/" + id).body();
        assertThat(page).contains("Ingen målsætning").doesNotContain("Ikke målt");
    }

    @Test
    void anAbsoluteScaleWithTargetsOnlyForLaterYearsIsNotAppliedToEarlierOnes() {
        long id = goal("""
                "periodKind":"year","targets":[{"period":"2026","value":5}],
                "scale":{"kind":"binary","comparator":"<=","threshold":5}""");
        Map<String, JsonNode> r = results(id);
        assertThat(r.get("2024").get("assessment").asString()).isEqualTo("no_target");
        assertThat(r.get("2024").get("status").isNull()).as("4 ≤ 5, but 2024 has no target").isTrue();
        assertThat(r.get("2026").get("status").asString()).isEqualTo("met");
    }

    @Test
    void aGoalWithoutTargetsIsAssessedByItsScaleInEveryPeriod() {
        long id = goal("""
                "periodKind":"year","scale":{"kind":"binary","comparator":"<=","threshold":5}""");
        Map<String, JsonNode> r = results(id);
        assertThat(r.get("2023").get("status").asString()).as("6 > 5").isEqualTo("not_met");
        assertThat(r.get("2024").get("status").asString()).as("4 ≤ 5").isEqualTo("met");
    }

    @Test
    void theBaselinePeriodSaysBaselineAndThePeriodBeforeItHasNoTarget() {
        long id = goal("""
                "periodKind":"year","baseline":{"period":"2024","change":"-1/3"},
                "scale":{"kind":"binary","basis":"percent_of_target","comparator":"<=","threshold":100}""");
        Map<String, JsonNode> r = results(id);
        assertThat(r.get("2023").get("assessment").asString()).isEqualTo("no_target");
        assertThat(r.get("2024").get("assessment").asString()).isEqualTo("baseline");
        assertThat(r.get("2024").get("value").decimalValue()).isEqualByComparingTo("4");
        assertThat(r.get("2024").get("status").isNull()).isTrue();
        // Target 4 × 2/3 = 8/3; 2025's mean 3 is above it, 2026's 8/3 exactly at it.
        assertThat(r.get("2025").get("status").asString()).isEqualTo("not_met");
        assertThat(r.get("2026").get("status").asString()).isEqualTo("met");
        String page = get("/maal/" + id).body();
        assertThat(page).contains("◎").contains("Basisår").doesNotContain("Ikke målt");
        assertThat(get("/maal/" + id + "?lang=en").body()).contains("Baseline year");
    }

    @Test
    void belowTheFewestObservationsTheValueAndBasisAreShownButNotAssessed() {
        long id = goal("""
                "periodKind":"year","minObservations":3,"scale":{"kind":"binary","comparator":"<=","threshold":5}""");
        Map<String, JsonNode> r = results(id);
        assertThat(r.get("2023").get("assessment").asString()).isEqualTo("too_few");
        assertThat(r.get("2023").get("observations").asLong()).isEqualTo(1);
        assertThat(r.get("2023").get("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(r.get("2023").get("status").isNull()).isTrue();
        assertThat(r.get("2025").get("assessment").asString()).isEqualTo("too_few");
        assertThat(r.get("2025").get("value").decimalValue()).isEqualByComparingTo("3");
        assertThat(r.get("2024").get("assessment").asString()).as("three cases are enough").isEqualTo("assessed");
        assertThat(r.get("2024").get("status").asString()).isEqualTo("met");
        assertThat(json(get("/api/v1/goals/" + id)).get("minObservations").asInt()).isEqualTo(3);
        String page = get("/maal/" + id).body();
        assertThat(page).contains("For få sager til en vurdering").contains("3,0 dage").contains("6,0 dage");
    }

    @Test
    void theFewestObservationsDefaultToOneAndAreCheckedAndKeptInNewVersions() {
        long id = goal("""
                "periodKind":"year","scale":{"kind":"binary","comparator":"<=","threshold":5}""");
        assertThat(json(get("/api/v1/goals/" + id)).get("minObservations").asInt()).isEqualTo(1);
        assertThat(results(id).get("2023").get("assessment").asString()).isEqualTo("assessed");
        var refused = post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"tilladelse","sentence":"Sagerne afgøres hurtigt.",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean","dayUnit":"calendar"},
                 "periodKind":"year","minObservations":0,"scale":{"kind":"binary","comparator":"<=","threshold":5}}""", ADMIN_TOKEN);
        assertThat(refused.statusCode()).as(refused.body()).isIn(400, 422);
        assertThat(refused.body()).contains("minObservations");
        var changed = put("/api/v1/goals/" + id, "application/json", """
                {"caseType":"tilladelse","sentence":"Sagerne afgøres hurtigt.",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean","dayUnit":"calendar"},
                 "periodKind":"year","minObservations":2,"scale":{"kind":"binary","comparator":"<=","threshold":5}}""", ADMIN_TOKEN);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        long next = json(changed).get("id").asLong();
        assertThat(json(get("/api/v1/goals/" + next)).get("minObservations").asInt()).isEqualTo(2);
        assertThat(results(next).get("2023").get("assessment").asString()).isEqualTo("too_few");
        assertThat(results(next).get("2025").get("assessment").asString()).as("two cases").isEqualTo("assessed");
        assertThat(get("/maal/" + next).body()).contains("En periode vurderes, når den bygger på mindst 2 observationer.")
                .as("the page says what the earlier version required").contains("Hver målt periode vurderes, uanset antallet af observationer.");
    }

    @Test
    void aLatestResultLongPastItsPeriodSaysThereIsNoNewDataSince() {
        // The quarterly goal's latest data are of 2026-Q1 (ended 31 March 2026). With a grace of one quarter, the result
        // is the latest news until 2026-Q3 has ended; after 30 September 2026 it says "no new data since 31 March 2026".
        long quarterly = goal("""
                "periodKind":"quarter","scale":{"kind":"binary","comparator":"<=","threshold":5}""");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        boolean stale = today.isAfter(LocalDate.of(2026, 9, 30));
        JsonNode latest = json(get("/api/v1/goals/" + quarterly)).get("latestResult");
        assertThat(latest.get("period").asString()).isEqualTo("2026-Q1");
        if (stale) {
            assertThat(latest.get("noNewDataSince").asString()).isEqualTo("2026-03-31");
            assertThat(get("/organisationer/testens-styrelse").body()).contains("Ingen nye data siden 31. marts 2026").contains("◷");
            assertThat(get("/organisationer/testens-styrelse?lang=en").body()).contains("No new data since 31 March 2026");
            assertThat(get("/indlejret/maal/" + quarterly + "?lang=da").body()).contains("Ingen nye data siden 31. marts 2026");
        } else {
            assertThat(latest.get("noNewDataSince").isNull()).isTrue();
        }
        // The period's own row on the goal page keeps its own status.
        assertThat(results(quarterly).get("2026-Q1").get("status").asString()).isEqualTo("met");
        // A yearly goal's 2026 is measured and current: never stale this year.
        long yearly = goal("""
                "periodKind":"year","scale":{"kind":"binary","comparator":"<=","threshold":5}""");
        assertThat(json(get("/api/v1/goals/" + yearly)).get("latestResult").get("noNewDataSince").isNull()).isTrue();
    }

    @Test
    void resultsRecentlyMeasuredAreNotStale() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        LocalDate decided = today.minusDays(1);
        var response = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "R", decided.minusDays(2) + "T09:00", decided + "T09:00"), INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        long quarterly = goal("""
                "periodKind":"quarter","scale":{"kind":"binary","comparator":"<=","threshold":5}""");
        JsonNode latest = json(get("/api/v1/goals/" + quarterly)).get("latestResult");
        assertThat(latest.get("noNewDataSince").isNull()).isTrue();
        assertThat(get("/organisationer/testens-styrelse").body()).doesNotContain("Ingen nye data siden");
    }
}
