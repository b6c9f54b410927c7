package dk.klaremaal.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.klaremaal.goals.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The annual assessment rule at its boundaries, and an assessment decided otherwise. */
class PlanAssessmentTest {

    private static final PlanContent.AssessmentRule HALF = PlanContent.AssessmentRule.HALF;

    @Test
    void allReachedIsMetAndOneShortIsNot() {
        assertThat(PlanAssessment.byRule(4, 4, HALF)).isEqualTo(Status.MET);
        assertThat(PlanAssessment.byRule(1, 1, HALF)).isEqualTo(Status.MET);
        assertThat(PlanAssessment.byRule(3, 4, HALF)).isEqualTo(Status.PARTLY_MET);
        assertThat(PlanAssessment.byRule(99, 100, HALF)).isEqualTo(Status.PARTLY_MET);
    }

    @Test
    void exactlyHalfIsPartlyMetAndJustBelowHalfIsNotMet() {
        assertThat(PlanAssessment.byRule(2, 4, HALF)).isEqualTo(Status.PARTLY_MET);
        assertThat(PlanAssessment.byRule(1, 2, HALF)).isEqualTo(Status.PARTLY_MET);
        assertThat(PlanAssessment.byRule(1, 4, HALF)).isEqualTo(Status.NOT_MET);
        assertThat(PlanAssessment.byRule(1, 3, HALF)).isEqualTo(Status.NOT_MET);
        assertThat(PlanAssessment.byRule(2, 3, HALF)).isEqualTo(Status.PARTLY_MET);
        assertThat(PlanAssessment.byRule(49, 99, HALF)).isEqualTo(Status.NOT_MET);
        assertThat(PlanAssessment.byRule(50, 99, HALF)).isEqualTo(Status.PARTLY_MET);
        assertThat(PlanAssessment.byRule(0, 1, HALF)).isEqualTo(Status.NOT_MET);
        assertThat(PlanAssessment.byRule(0, 5, HALF)).isEqualTo(Status.NOT_MET);
    }

    @Test
    void thePlansOwnThresholdIsUsed() {
        PlanContent.AssessmentRule sixty = new PlanContent.AssessmentRule(60);
        assertThat(PlanAssessment.byRule(3, 5, sixty)).isEqualTo(Status.PARTLY_MET);
        assertThat(PlanAssessment.byRule(2, 4, sixty)).isEqualTo(Status.NOT_MET);
        assertThat(PlanAssessment.byRule(2, 5, sixty)).isEqualTo(Status.NOT_MET);
    }

    @Test
    void nothingToAssessGivesNoAssessmentAndImpossibleCountsAreRefused() {
        assertThat(PlanAssessment.byRule(0, 0, HALF)).isNull();
        assertThatThrownBy(() -> PlanAssessment.byRule(3, 2, HALF)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partlyReachedAndUnreportedItemsDoNotCountAsReached() {
        PlanContent.PlanGoal goal = new PlanContent.PlanGoal("B", "1", "Goal", null, List.of(), List.of());
        List<PlanAssessment.Item> items = List.of(
                new PlanAssessment.Item("B1", false, MilestoneStatus.REACHED, ""),
                new PlanAssessment.Item("B2", false, MilestoneStatus.PARTLY_REACHED, ""),
                new PlanAssessment.Item("B3", false, null, "ikke fulgt op"),
                new PlanAssessment.Item("B", true, MilestoneStatus.REACHED, "2019"));
        PlanAssessment.GoalAssessment a = PlanAssessment.assess(goal, items, HALF, null);
        assertThat(a.reached()).isEqualTo(2);
        assertThat(a.byRule()).isEqualTo(Status.PARTLY_MET);
        assertThat(a.status()).isEqualTo(Status.PARTLY_MET);
        assertThat(a.complete()).isFalse();
    }

    @Test
    void anOverrideDecidesTheStatusAndKeepsWhatTheRuleGave() {
        PlanContent.PlanGoal goal = new PlanContent.PlanGoal("F", "5", "Goal", null, List.of(), List.of("F"));
        var override = new PlanAssessment.Override("F", Status.PARTLY_MET, "Sygefraværet faldt fra 11,2 til 10,1 dage.", "Departementet",
                Instant.parse("2020-02-01T10:00:00Z"));
        PlanAssessment.GoalAssessment a = PlanAssessment.assess(goal,
                List.of(new PlanAssessment.Item("F", true, MilestoneStatus.NOT_REACHED, "2019")), HALF, override);
        assertThat(a.byRule()).isEqualTo(Status.NOT_MET);
        assertThat(a.status()).isEqualTo(Status.PARTLY_MET);
        assertThat(a.complete()).isTrue();
    }
}
