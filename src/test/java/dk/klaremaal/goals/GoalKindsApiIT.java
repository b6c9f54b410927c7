package dk.klaremaal.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.Test;

/** Writing goals of every kind through the API: what is refused, and why. */
class GoalKindsApiIT extends SeedGoalTest {

    private java.net.http.HttpResponse<String> create(String json) {
        return post("/api/v1/goals", "application/json", json, ADMIN_TOKEN);
    }

    @Test
    void s17AsWrittenInTheSourceLeavesAGapBetween94And95() {
        var response = create("""
                {"organisation":"danmarks-eksportraad","sentence":"Høj kundetilfredshed","dimension":"oplevet_kvalitet",
                 "indicator":{"kind":"satisfaction","statistic":"compound","survey":"kundeundersoegelse","question":"samlet",
                              "scoreLevel":4,"secondaryScoreLevel":5},
                 "scale":{"kind":"fulfilment","direction":"higher_is_better","levels":[
                    {"status":"met","lower":{"value":95,"inclusive":false}},
                    {"status":"partly_met","lower":{"value":80},"upper":{"value":94}},
                    {"status":"not_met","upper":{"value":80,"inclusive":false}}]},
                 "secondaryScale":{"kind":"fulfilment","direction":"higher_is_better","levels":[
                    {"status":"met","lower":{"value":55}},
                    {"status":"partly_met","lower":{"value":45},"upper":{"value":54}},
                    {"status":"not_met","upper":{"value":45,"inclusive":false}}]}}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("gap ]94; 95]").contains("gap ]54; 55[");
    }

    @Test
    void aCompoundGoalNeedsItsSecondScaleAndLevelsWithinTheSurvey() {
        var response = create("""
                {"organisation":"danmarks-eksportraad","sentence":"Høj kundetilfredshed","dimension":"oplevet_kvalitet",
                 "indicator":{"kind":"satisfaction","statistic":"compound","survey":"kundeundersoegelse","question":"samlet",
                              "scoreLevel":4,"secondaryScoreLevel":6},
                 "scale":{"kind":"binary","comparator":">=","threshold":95}}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("indicator.secondaryScoreLevel").contains("from 5 to 5");
    }

    @Test
    void sourcesAreLookedUpInTheGoalsOwnOrganisation() {
        var response = create("""
                {"organisation":"skat","sentence":"x","dimension":"tilgaengelighed",
                 "indicator":{"kind":"ratio","series":"smv-bistaaet","denominatorSeries":"selvangivelser-i-alt"},
                 "scale":{"kind":"binary","comparator":">=","threshold":68}}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("indicator.series").contains("SKAT has no reported series 'smv-bistaaet'");
    }

    @Test
    void aStatisticMustBelongToItsKindAndUnitsToTheStatistic() {
        var response = create("""
                {"organisation":"soefartsstyrelsen","sentence":"x","dimension":"tilgaengelighed",
                 "indicator":{"kind":"contacts","statistic":"uptime","channel":"duty-phone"},
                 "scale":{"kind":"binary","comparator":"<=","threshold":0}}""");
        assertThat(response.body()).contains("a contacts indicator offers");
        var units = create("""
                {"organisation":"soefartsstyrelsen","sentence":"x","dimension":"tilgaengelighed",
                 "indicator":{"kind":"contacts","statistic":"missed_count","channel":"duty-phone","valueUnit":"percent"},
                 "scale":{"kind":"binary","comparator":"<=","threshold":0}}""");
        assertThat(units.body()).contains("indicator.valueUnit").contains("given in count");
    }

    @Test
    void aScaleOnTheTargetNeedsTargetsAndAYearCountIsNotAQuartersTarget() {
        var response = create("""
                {"organisation":"danmarks-eksportraad","sentence":"x","dimension":"faglig_kvalitet","periodKind":"quarter",
                 "indicator":{"kind":"count","series":"smv-bistaaet"},
                 "targets":[{"period":"2025","value":4500}],
                 "scale":{"kind":"binary","basis":"percent_of_target","comparator":">=","threshold":100}}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("a year's count is not a target for a shorter period")
                .contains("a scale on the share of the target needs targets or a baseline");
    }

    @Test
    void aBaselineChangeIsAFractionOrAPercentage() {
        var response = create("""
                {"organisation":"vejle-teknik-og-miljoe","caseType":"byggetilladelse","sentence":"x","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"processing_time","statistic":"mean"},
                 "baseline":{"period":"2023","change":"a third less"},
                 "scale":{"kind":"binary","basis":"percent_of_target","comparator":"<=","threshold":100}}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("baseline.change");
        var percent = create("""
                {"organisation":"vejle-teknik-og-miljoe","caseType":"byggetilladelse","sentence":"x","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"processing_time","statistic":"mean"},
                 "baseline":{"period":"2023","value":90,"change":"-20%"},
                 "scale":{"kind":"binary","basis":"percent_of_target","comparator":"<=","threshold":100}}""");
        assertThat(percent.statusCode()).as(percent.body()).isEqualTo(201);
        var goal = json(get("/api/v1/goals/" + json(percent).get("id").asLong()));
        assertThat(goal.get("baseline").get("value").decimalValue()).isEqualByComparingTo("90");
        assertThat(goal.get("baseline").get("changeNumerator").decimalValue()).isEqualByComparingTo("-20");
    }

    @Test
    void milestonesBelongToMilestoneGoalsOnly() {
        var response = create("""
                {"organisation":"statens-administration","sentence":"x","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"milestones"},
                 "scale":{"kind":"binary","comparator":">=","threshold":100}}""");
        assertThat(response.body()).contains("a milestone goal needs at least one milestone");
    }
}
