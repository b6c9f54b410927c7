package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A value exactly at a target relative to a baseline, through the API:
 * <pre>
 * 2023 decided cases (calendar days): 3, 4, 5 → mean exactly 4
 * target "one third lower": 4 × (1 − 1/3) = 8/3
 * 2024 decided cases: 2, 3, 3 → mean exactly 8/3, which is 100 % of the target, not 99.99999999999999 %
 * </pre>
 */
class BaselineTargetIT extends IntegrationTest {

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void cases() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        String csv = Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2023-03-01T09:00", "2023-03-04T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2023-04-03T09:00", "2023-04-07T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "C", "2023-05-01T09:00", "2023-05-06T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "D", "2024-03-01T09:00", "2024-03-03T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "E", "2024-04-01T09:00", "2024-04-04T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "F", "2024-05-01T09:00", "2024-05-04T09:00");
        var response = post("/api/v1/case-events", "text/csv", csv, INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode result2024(String comparator) {
        var created = post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"tilladelse","sentence":"En tredjedel hurtigere end i 2023.",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean","dayUnit":"calendar"},
                 "periodKind":"year","baseline":{"period":"2023","change":"-1/3"},
                 "scale":{"kind":"binary","basis":"percent_of_target","comparator":"%s","threshold":100}}""".formatted(comparator),
                ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode results = json(get("/api/v1/goals/" + json(created).get("id").asLong() + "/results")).get("results");
        for (JsonNode r : results) {
            if (r.get("period").asString().equals("2024")) {
                return r;
            }
        }
        throw new AssertionError("no result for 2024 in " + results);
    }

    @Test
    void aMeanOfExactlyEightThirdsIsExactlyAtATargetOneThirdBelowFour() {
        JsonNode below = result2024("<");
        assertThat(below.get("value").decimalValue().doubleValue()).isEqualTo(8.0 / 3);
        assertThat(below.get("percentOfTarget").decimalValue()).isEqualByComparingTo("100");
        assertThat(below.get("status").asString()).as("8/3 is not below 8/3").isEqualTo("not_met");
        assertThat(result2024("<=").get("status").asString()).isEqualTo("met");
        assertThat(result2024(">").get("status").asString()).as("8/3 is not above 8/3").isEqualTo("not_met");
        assertThat(result2024(">=").get("status").asString()).isEqualTo("met");
    }
}
