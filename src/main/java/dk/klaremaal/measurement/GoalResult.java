package dk.klaremaal.measurement;

import dk.klaremaal.goals.Period;
import dk.klaremaal.goals.ScaleLevel;
import dk.klaremaal.platform.Codes;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A goal's result for one period: the value (null when the period has no data) and the observations
 * it rests on, the target, the value as a percentage of the target when the scale reads that, and
 * the level of the scale reached. A compound goal's second value is {@code secondaryValue}; the level
 * is then the lower of the two values' levels. For periods shorter than a year, {@code yearToDate}
 * is the value from 1 January to the end of the period. Processing-time goals also report the cases
 * still open when the period ended. A period that has not ended yet is provisional.
 * <p>
 * {@code standing} says why a period has or has no level: assessed, not measured, too few observations, no target
 * for the period, the baseline period, or withheld (a sensitive case type's value resting on too few cases: value,
 * observations and everything derived from them are then null). {@code noNewDataSince} is set on the latest measured
 * result only, when no newer period has been measured long after it ended: the day its period ended.
 */
public record GoalResult(Period period, boolean provisional, Long observations, BigDecimal value, BigDecimal secondaryValue,
                         BigDecimal target, BigDecimal percentOfTarget, ScaleLevel level, BigDecimal yearToDate,
                         ScaleLevel yearToDateLevel, Long openAtPeriodEnd, Integer oldestOpenAgeDays, Standing standing,
                         LocalDate noNewDataSince) {

    /** Why a period has the assessment it has. */
    public enum Standing {
        /** The value reached a level of the scale. */
        ASSESSED,
        /** No data in the period. */
        NOT_MEASURED,
        /** Fewer observations than the goal states it is assessed on: value and basis shown, no level. */
        TOO_FEW,
        /** The goal has targets, but none for this period. */
        NO_TARGET,
        /** The period the goal's targets are measured from. */
        BASELINE,
        /** A sensitive case type's value resting on fewer than five cases: not published. */
        WITHHELD;

        public String code() {
            return Codes.of(this);
        }
    }

    public boolean measured() {
        return value != null || standing == Standing.WITHHELD;
    }

    public boolean withheld() {
        return standing == Standing.WITHHELD;
    }

    /** The same result marked as the latest one, with no newer data since its period ended. */
    GoalResult staleSince(LocalDate day) {
        return new GoalResult(period, provisional, observations, value, secondaryValue, target, percentOfTarget, level, yearToDate,
                yearToDateLevel, openAtPeriodEnd, oldestOpenAgeDays, standing, day);
    }
}
