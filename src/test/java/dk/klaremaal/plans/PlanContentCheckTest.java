package dk.klaremaal.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a plan must hold, the changes between two versions in words, and the editor form's clean-up and field names. */
class PlanContentCheckTest {

    private static PlanContent plan(String mission, List<PlanContent.Milestone> milestones, List<String> kpis) {
        return new PlanContent("Mål- og resultatplan 2019", mission, "Vision",
                List.of(new PlanContent.Bearing("1", "Drift", null), new PlanContent.Bearing("2", "Kunder", null)),
                List.of(new PlanContent.PlanGoal("D", "1", "Robotter", null, milestones, kpis)), null);
    }

    private static PlanContent.Milestone milestone(String key, int quarter, String text, String target) {
        return new PlanContent.Milestone(key, quarter, text, target == null ? null : new BigDecimal(target), target == null ? null : "timer", null);
    }

    @Test
    void aSoundPlanHasNoProblemsAndEveryBrokenRuleIsNamedByItsField() {
        PlanContent sound = plan("Mission", List.of(milestone("D1", 1, "1.000 timer", "1000")), List.of("D"));
        assertThat(PlanContentCheck.problems(sound, Set.of("D"))).isEmpty();

        PlanContent broken = new PlanContent(" ", "M", "V", List.of(new PlanContent.Bearing("1", "Drift", null), new PlanContent.Bearing("1", "Igen", null)),
                List.of(new PlanContent.PlanGoal("D", "9", "Robotter", null,
                        List.of(new PlanContent.Milestone("D1", 0, "", new BigDecimal("-1"), null, null),
                                new PlanContent.Milestone("D1", 2, "x", null, "timer", null)), List.of("X")),
                        new PlanContent.PlanGoal("E", "1", "Tom", null, List.of(), List.of())), new PlanContent.AssessmentRule(100));
        assertThat(PlanContentCheck.problems(broken, Set.of("D")).stream().map(p -> p.field()).toList()).containsExactlyInAnyOrder(
                "content.title", "content.bearings[1].code", "content.goals[0].bearing", "content.goals[0].milestones[0].quarter",
                "content.goals[0].milestones[0].text", "content.goals[0].milestones[0].target", "content.goals[0].milestones[1].key",
                "content.goals[0].milestones[1].unit", "content.goals[0].kpis[0]", "content.goals[1]", "content.rule.partlyFromPercent");
    }

    @Test
    void changesAreNamedMilestoneByMilestone() {
        PlanContent before = plan("Mission", List.of(milestone("D1", 1, "1.000 timer", "1000"), milestone("D2", 4, "Robot i drift", null)), List.of("D"));
        PlanContent after = plan("Ny mission", List.of(milestone("D1", 1, "1.000 timer", "1200"), milestone("D2", 3, "Robot i drift", null),
                milestone("D3", 4, "To robotter i drift", null)), List.of());
        assertThat(PlanContentCheck.changes(before, after)).containsExactly(
                "Missionen er ændret",
                "Mål D: nøgletallene er ændret fra D til ingen",
                "Milepæl D1: målet er ændret fra 1000 timer til 1200 timer",
                "Milepæl D2 er flyttet fra 4. til 3. kvartal",
                "Milepæl D3 er tilføjet (4. kvartal): To robotter i drift");
        assertThat(PlanContentCheck.changes(before, before)).isEmpty();
        assertThat(PlanContentCheck.changes(after, before)).contains("Milepæl D3 er udgået: To robotter i drift");
    }

    @Test
    void theFormDropsEmptyRowsAndGivesKeylessMilestonesTheGoalsCodeAndANumber() {
        PlanContent form = new PlanContent(" Plan ", "M", "V",
                List.of(new PlanContent.Bearing("1", "Drift", " "), new PlanContent.Bearing(" ", null, "")),
                List.of(new PlanContent.PlanGoal("D", "1", "Robotter", "", List.of(
                                new PlanContent.Milestone("D1", 1, "Første", null, null, null),
                                new PlanContent.Milestone(null, 2, "Anden", null, null, null),
                                new PlanContent.Milestone("", null, " ", null, "", null)), List.of("D", "D")),
                        new PlanContent.PlanGoal(" ", null, "", null, List.of(new PlanContent.Milestone(null, null, null, null, null, null)), null)),
                null);
        PlanContent clean = PlanForm.clean(new PlanService.VersionInput(" 2019-01-01 ", " ", form)).content();
        assertThat(clean.title()).isEqualTo("Plan");
        assertThat(clean.bearings()).containsExactly(new PlanContent.Bearing("1", "Drift", null));
        assertThat(clean.goals()).hasSize(1);
        assertThat(clean.goals().getFirst().milestones()).extracting(PlanContent.Milestone::key).containsExactly("D1", "D2");
        assertThat(clean.goals().getFirst().kpis()).containsExactly("D");
        assertThat(PlanForm.clean(new PlanService.VersionInput(" 2019-01-01 ", " ", form)).reason()).isNull();
        assertThat(PlanForm.padded(clean).goals()).hasSize(2);
        assertThat(PlanForm.padded(clean).goals().getFirst().milestones()).hasSize(2 + PlanForm.EXTRA_MILESTONES);
    }

    @Test
    void problemsAreNamedInWordsAndPointToTheirField() {
        assertThat(PlanForm.label("content.goals[0].milestones[1].quarter")).isEqualTo("Mål nr. 1, milepæl nr. 2: kvartal");
        assertThat(PlanForm.label("content.mission")).isEqualTo("Mission");
        assertThat(PlanForm.label("validFrom")).isEqualTo("Gælder fra");
        assertThat(PlanForm.id("content.goals[0].milestones[1].quarter")).isEqualTo("content-goals-0-milestones-1-quarter");
    }
}
