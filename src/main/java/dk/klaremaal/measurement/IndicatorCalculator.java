package dk.klaremaal.measurement;

import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.IndicatorKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Computes the indicators of some kinds from their stored data. */
interface IndicatorCalculator {

    Set<IndicatorKind> kinds();

    /** The first day the goal has data for; periods before it are not shown. */
    Optional<LocalDate> firstDate(Goal goal);

    /** The last day the goal can have data for, when that is known (monitoring ended); otherwise results run to today. */
    default Optional<LocalDate> lastDate(Goal goal) {
        return Optional.empty();
    }

    /** One entry per range, in the same order; null where the range has no data. */
    List<Measurement> measure(Goal goal, List<DateRange> ranges);

    /** Ratios and shares in percent, to full precision. */
    static java.math.BigDecimal percent(long part, long whole) {
        return java.math.BigDecimal.valueOf(part).multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(whole), java.math.MathContext.DECIMAL64);
    }
}
