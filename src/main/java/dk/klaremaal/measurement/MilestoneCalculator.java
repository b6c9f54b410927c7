package dk.klaremaal.measurement;

import dk.klaremaal.goals.Fraction;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.IndicatorKind;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Milestones: of those due in a range, the share done by their due date. A milestone not yet done
 * whose due date has not passed is left out until it is done or overdue.
 */
@Component
class MilestoneCalculator implements IndicatorCalculator {

    private final Clock clock;

    MilestoneCalculator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<IndicatorKind> kinds() {
        return Set.of(IndicatorKind.MILESTONES);
    }

    @Override
    public Optional<LocalDate> firstDate(Goal goal) {
        return goal.milestones().stream().map(Goal.Milestone::dueOn).min(LocalDate::compareTo);
    }

    @Override
    public List<Measurement> measure(Goal goal, List<DateRange> ranges) {
        LocalDate today = LocalDate.now(clock);
        List<Measurement> result = new ArrayList<>();
        for (DateRange range : ranges) {
            long due = 0;
            long done = 0;
            for (Goal.Milestone m : goal.milestones()) {
                if (m.dueOn().isBefore(range.from()) || m.dueOn().isAfter(range.to())) {
                    continue;
                }
                if (m.doneOn() == null && !m.dueOn().isBefore(today)) {
                    continue;
                }
                due++;
                if (m.doneInTime()) {
                    done++;
                }
            }
            result.add(due == 0 ? null : Measurement.of(due, Fraction.percent(done, due)));
        }
        return result;
    }
}
