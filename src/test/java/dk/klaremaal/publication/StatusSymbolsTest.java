package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.goals.Direction;
import dk.klaremaal.goals.Scale;
import dk.klaremaal.goals.ScaleKind;
import dk.klaremaal.goals.ScaleLevel;
import dk.klaremaal.goals.Status;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.plans.MilestoneStatus;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** One set of symbols and words for each status, wherever it is shown. */
class StatusSymbolsTest {

    private final Presentation presentation = new Presentation(new StaticMessageSource());

    /** The symbols as the README documents them: written here, not read from the code. */
    static final Map<Status, String> DOCUMENTED = Map.of(Status.MET, "✓", Status.PARTLY_MET, "▲", Status.NOT_MET, "−",
            Status.SATISFACTORY, "●", Status.ON_THE_WAY, "▲", Status.UNSATISFACTORY, "■");

    @Test
    void aStatusHasTheSameSymbolOnEveryKindOfScaleAndInPlans() {
        for (Status status : Status.values()) {
            String expected = DOCUMENTED.get(status);
            for (ScaleKind kind : ScaleKind.values()) {
                Scale scale = new Scale(kind, Direction.HIGHER_IS_BETTER, List.of(new ScaleLevel(status, null, null)));
                assertThat(presentation.status(scale, scale.levels().getFirst()).symbol()).as(status + " on a " + kind + " scale")
                        .isEqualTo(expected);
            }
            assertThat(presentation.fulfilment(status).symbol()).as(status + " as a plan goal's assessment").isEqualTo(expected);
        }
    }

    @Test
    void milestonesReadWithTheSymbolsOfMetPartlyMetAndNotMet() {
        assertThat(MilestoneStatus.REACHED.symbol()).isEqualTo("✓");
        assertThat(MilestoneStatus.PARTLY_REACHED.symbol()).isEqualTo("▲");
        assertThat(MilestoneStatus.NOT_REACHED.symbol()).isEqualTo("−");
    }

    @Test
    void eachReasonForNoAssessmentHasItsOwnSymbolUnlikeAnyStatus() {
        Set<String> symbols = new HashSet<>(DOCUMENTED.values());
        List<GoalResult.Standing> reasons = Arrays.stream(GoalResult.Standing.values())
                .filter(s -> s != GoalResult.Standing.ASSESSED).toList();
        for (GoalResult.Standing reason : reasons) {
            assertThat(symbols.add(Presentation.symbol(reason))).as(reason + " has a symbol of its own").isTrue();
        }
        assertThat(symbols.add(Presentation.STALE_SYMBOL)).isTrue();
    }
}
