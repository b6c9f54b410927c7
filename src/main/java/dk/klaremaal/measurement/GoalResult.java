package dk.klaremaal.measurement;

import dk.klaremaal.goals.Period;
import dk.klaremaal.goals.ScaleLevel;
import java.math.BigDecimal;

/**
 * A goal's result for one period: the value (null when the period has no data) and the observations
 * it rests on, the target, the value as a percentage of the target when the scale reads that, and
 * the level of the scale reached. A compound goal's second value is {@code secondaryValue}; the level
 * is then the lower of the two values' levels. For periods shorter than a year, {@code yearToDate}
 * is the value from 1 January to the end of the period. Processing-time goals also report the cases
 * still open when the period ended. A period that has not ended yet is provisional.
 */
public record GoalResult(Period period, boolean provisional, long observations, BigDecimal value, BigDecimal secondaryValue,
                         BigDecimal target, BigDecimal percentOfTarget, ScaleLevel level, BigDecimal yearToDate,
                         ScaleLevel yearToDateLevel, Long openAtPeriodEnd, Integer oldestOpenAgeDays) {

    public boolean measured() {
        return value != null;
    }
}
