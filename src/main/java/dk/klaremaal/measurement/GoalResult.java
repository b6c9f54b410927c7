package dk.klaremaal.measurement;

import dk.klaremaal.goals.Period;
import dk.klaremaal.goals.ScaleLevel;
import java.math.BigDecimal;

/**
 * A goal's result for one period: the value over the cases decided in it (null when none were), the
 * level of the scale it reaches, and the cases still open when the period ended. A period that has
 * not ended yet is provisional.
 */
public record GoalResult(Period period, boolean provisional, long cases, BigDecimal value, BigDecimal target, ScaleLevel level,
                         long openAtPeriodEnd, Integer oldestOpenAgeDays) {

    public boolean measured() {
        return value != null;
    }
}
