package dk.klaremaal.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GoalApiIT extends IntegrationTest {

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void catalogue() {
        Fixtures.agencyWithCaseType(catalogue, "danmarks-biblioteksskole", "fjernlaan");
    }

    private String s13(String satisfactoryUpper, String onTheWayUpperInclusive) {
        return """
                {"organisation":"danmarks-biblioteksskole","caseType":"fjernlaan","code":"S13",
                 "sentence":"Bestillinger udefra ekspederes samme eller næste dag.","dimension":"tilgaengelighed",
                 "indicator":{"kind":"processing_time","statistic":"share_within","withinDays":1},
                 "targets":[{"period":"2024","value":95}],
                 "scale":{"kind":"traffic_light","direction":"higher_is_better","levels":[
                   {"status":"satisfactory","lower":{"value":95,"inclusive":true},"upper":{"value":%s,"inclusive":true}},
                   {"status":"on_the_way","lower":{"value":90,"inclusive":true},"upper":{"value":95,"inclusive":%s}},
                   {"status":"unsatisfactory","label":"Ikke tilfredsstillende","upper":{"value":90,"inclusive":false}}]}}"""
                .formatted(satisfactoryUpper, onTheWayUpperInclusive);
    }

    @Test
    void aScaleWithAGapAndAnOverlapIsRefusedNamingBoth() {
        var response = post("/api/v1/goals", "application/json", s13("97", "true"), ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("overlap {95}: the value 95 is in both")
                .contains("gap ]97; 100]: values above 97 up to and including 100 are not assessed by any level");
        assertThat(jdbc.sql("select count(*) from goal").query(Long.class).single()).isZero();
    }

    @Test
    void theCorrectedScaleIsAccepted() {
        var response = post("/api/v1/goals", "application/json", s13("100", "false"), ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var goals = json(get("/api/v1/organisations/danmarks-biblioteksskole/goals"));
        assertThat(goals.get(0).get("code").asString()).isEqualTo("S13");
        assertThat(goals.get(0).get("scale").get("levels").get(2).get("label").asString()).isEqualTo("Ikke tilfredsstillende");
        assertThat(goals.get(0).get("targets").get(0).get("period").asString()).isEqualTo("2024");
    }

    @Test
    void everyInvalidFieldIsReported() {
        var response = post("/api/v1/goals", "application/json", """
                {"organisation":"danmarks-biblioteksskole","caseType":"findes-ikke","sentence":" ",
                 "indicator":{"statistic":"percentile","percentile":120},"periodKind":"week",
                 "scale":{"kind":"binary"}}""", ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"caseType\"", "\"sentence\"", "\"dimension\"", "indicator.percentile", "\"periodKind\"");
    }
}
