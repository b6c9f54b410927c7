package dk.klaremaal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.Test;

/** The performance-plan goals A–F: milestones, quarterly targets, a mean score and a reported figure. */
class SeedPlanGoalsIT extends SeedGoalTest {

    @Test
    void aOneMilestoneOnTimeAndOneLateIsPartlyMet() {
        long id = goalId("statens-administration", "A");
        var first = put("/api/v1/goals/" + id + "/milestones/0", "application/json",
                "{\"doneOn\":\"2019-03-31\",\"evidence\":\"Direktionens beslutning af 31. marts\",\"reportedBy\":\"Kontorchef\"}", INGEST_TOKEN);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        put("/api/v1/goals/" + id + "/milestones/1", "application/json",
                "{\"doneOn\":\"2019-07-01\",\"evidence\":\"Offentliggjort på portalen\",\"reportedBy\":\"Kontorchef\"}", INGEST_TOKEN);
        var r = result("statens-administration", "A", "2019");
        assertThat(r.value()).isEqualByComparingTo("50");
        assertThat(r.status()).isEqualTo("partly_met");
        var refused = put("/api/v1/goals/" + id + "/milestones/0", "application/json", "{\"doneOn\":\"2019-03-31\",\"reportedBy\":\"X\"}",
                INGEST_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("evidence");
    }

    @Test
    void bAndDAreAssessedAgainstEachQuartersOwnTarget() {
        // B: Q2 10 of target 10 → met; Q3 39 of 40 → 97.5 % → not met. D: Q1 1,000 of 1,000 → met; Q2 2,999 of 3,000 → not met.
        reported("statens-administration", "kunder-paa-standardvarianter", "2019-Q2", "10", "2019-Q3", "39");
        reported("statens-administration", "frigjorte-timer", "2019-Q1", "1000", "2019-Q2", "2999");
        assertThat(result("statens-administration", "B", "2019-Q2").status()).isEqualTo("met");
        assertThat(result("statens-administration", "B", "2019-Q3").percentOfTarget()).isEqualByComparingTo("97.5");
        assertThat(result("statens-administration", "B", "2019-Q3").status()).isEqualTo("not_met");
        assertThat(result("statens-administration", "D", "2019-Q1").status()).isEqualTo("met");
        assertThat(result("statens-administration", "D", "2019-Q2").status()).isEqualTo("not_met");
    }

    @Test
    void cMeanSatisfactionOfExactly3Point8IsMet() {
        var a = post("/api/v1/survey-aggregates", "application/json", """
                {"organisation":"statens-administration","survey":"kundetilfredshed","question":"samlet",
                 "period":"2019","counts":[0,0,1,4,0],"reportedBy":"Test Testesen"}""", INGEST_TOKEN);
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        assertThat(result("statens-administration", "C", "2019").value()).isEqualByComparingTo("3.8");
        assertThat(result("statens-administration", "C", "2019").status()).isEqualTo("met");
    }

    @Test
    void eAMilestoneDoneByItsDueDateIsMet() {
        long id = goalId("statens-administration", "E");
        put("/api/v1/goals/" + id + "/milestones/0", "application/json",
                "{\"doneOn\":\"2019-09-30\",\"evidence\":\"Overdragelsesaftaler underskrevet\",\"reportedBy\":\"Direktør\"}", INGEST_TOKEN);
        assertThat(result("statens-administration", "E", "2019").status()).isEqualTo("met");
    }

    @Test
    void fSickDaysAtMost9Point8() {
        reported("statens-administration", "sygedage", "2019", "9.8");
        assertThat(result("statens-administration", "F", "2019").status()).isEqualTo("met");
        reported("statens-administration", "sygedage", "2019", "9.9");
        assertThat(result("statens-administration", "F", "2019").status()).isEqualTo("not_met");
    }
}
