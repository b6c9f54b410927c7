package dk.klaremaal.communication;

import dk.klaremaal.goals.Indicator.DayUnit;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The processing time a case type's applicants can expect, {@code days} calendar or working days, and
 * where the figure comes from ({@link Basis}), each step tried in turn:
 * <ol>
 *   <li>{@link Basis#MEASURED}: {@code share} percent of the {@code cases} decided from {@code windowFrom}
 *       to {@code windowTo} (the recent window) were decided within it (nearest rank, so a whole number of
 *       days that at least that share actually met);</li>
 *   <li>{@link Basis#EARLIER}: too few recent cases, the same over the {@code earlierCases} decided in the
 *       longer window from {@code earlierFrom} to {@code windowTo};</li>
 *   <li>{@link Basis#GOAL}: too few cases in both, the target of goal {@code goalId} on the case type
 *       ({@code goalTarget} exactly, e.g. 22.93 days for "one third below 2023"; {@code days} is it rounded
 *       up to whole days);</li>
 *   <li>{@link Basis#STATED}: no goal either, the time the organisation states ({@code statedOn});</li>
 *   <li>{@link Basis#NONE}: none of these, so unknown ({@code days} null).</li>
 * </ol>
 */
public record ExpectedTime(long caseTypeId, Integer days, DayUnit dayUnit, BigDecimal share, Basis basis, long cases,
                           LocalDate windowFrom, LocalDate windowTo, long earlierCases, LocalDate earlierFrom, Long goalId,
                           BigDecimal goalTarget, LocalDate statedOn) {

    public enum Basis {
        /** Measured on the cases decided in the recent window. */
        MEASURED,
        /** Too few recent cases: measured on the cases decided in the longer window. */
        EARLIER,
        /** Too few decided cases: the target of a goal on the case type. */
        GOAL,
        /** Too few decided cases and no goal on the case type: the case type's service goal, in calendar days. */
        SERVICE_GOAL,
        /** Too few decided cases, no goal and no service goal: the time the organisation states. */
        STATED,
        /** Nothing to go by. */
        NONE;

        public String code() {
            return dk.klaremaal.platform.Codes.of(this);
        }
    }

    public boolean known() {
        return days != null;
    }

    /** Days in the recent window, from its first day to its last, both included. */
    public long windowDays() {
        return windowTo.toEpochDay() - windowFrom.toEpochDay() + 1;
    }

    /** Days in the longer window. */
    public long earlierWindowDays() {
        return windowTo.toEpochDay() - earlierFrom.toEpochDay() + 1;
    }
}
