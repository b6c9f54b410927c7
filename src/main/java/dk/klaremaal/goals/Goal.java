package dk.klaremaal.goals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A clear goal: the promise in plain language, how it is measured, its targets and how results are
 * assessed. A compound goal also has a {@code secondaryScale} for its second value; a result reaches
 * a level only when both values do. Goals in different organisations that measure the same thing share
 * an {@code indicatorKey}, which is what comparisons across organisations go by. A period resting on
 * fewer than {@code minObservations} observations is shown but not assessed.
 */
public record Goal(
        long id,
        long organisationId,
        Long caseTypeId,
        String code,
        String sentence,
        String dimension,
        Indicator indicator,
        PeriodKind periodKind,
        Scale scale,
        Scale secondaryScale,
        ScaleBasis scaleBasis,
        Map<Period, BigDecimal> targets,
        Baseline baseline,
        List<Milestone> milestones,
        String indicatorKey,
        Long previousId,
        java.time.Instant createdAt,
        java.time.Instant supersededAt,
        State state,
        int minObservations) {

    public Goal {
        targets = Map.copyOf(targets);
        milestones = List.copyOf(milestones);
        if (minObservations < 1) {
            throw new IllegalArgumentException("a goal is assessed on at least one observation");
        }
    }

    /** A goal assessed on any number of observations. */
    public Goal(long id, long organisationId, Long caseTypeId, String code, String sentence, String dimension, Indicator indicator,
                PeriodKind periodKind, Scale scale, Scale secondaryScale, ScaleBasis scaleBasis, Map<Period, BigDecimal> targets,
                Baseline baseline, List<Milestone> milestones, String indicatorKey, Long previousId, java.time.Instant createdAt,
                java.time.Instant supersededAt, State state) {
        this(id, organisationId, caseTypeId, code, sentence, dimension, indicator, periodKind, scale, secondaryScale, scaleBasis, targets,
                baseline, milestones, indicatorKey, previousId, createdAt, supersededAt, state, 1);
    }

    /** Whether the goal states targets of its own (per period or from a baseline): periods without one are then not assessed. */
    public boolean hasTargets() {
        return !targets.isEmpty() || baseline != null;
    }

    /** What the scale's numbers are read against. */
    public enum ScaleBasis {
        /** The value itself: "✓ if ≤ 15 days". */
        ABSOLUTE,
        /** The value as a percentage of the period's target: "opnået at 100 % of 4,500 enterprises". */
        PERCENT_OF_TARGET;

        public String code() {
            return dk.klaremaal.platform.Codes.of(this);
        }

        public static ScaleBasis fromCode(String code) {
            return dk.klaremaal.platform.Codes.parse(ScaleBasis.class, code, "scale basis");
        }
    }

    /**
     * A target relative to the value of a baseline period: target = baseline × (1 + changeNumerator ÷
     * changeDenominator), so "one third below the 2013 baseline" is −1/3. {@code value} is given when the
     * baseline predates the data; otherwise it is computed from the goal's own indicator.
     */
    public record Baseline(Period period, BigDecimal value, BigDecimal changeNumerator, BigDecimal changeDenominator) {

        /** The target exactly: "one third below 4" is 4 × 2/3, not 2.666666666666667. */
        public Fraction target(Fraction baselineValue) {
            return baselineValue.times(new Fraction(changeDenominator.add(changeNumerator), changeDenominator));
        }

        /** "en tredjedel under" / "20 pct. over" style description of the change. */
        public String danishChange() {
            boolean down = changeNumerator.signum() < 0;
            BigDecimal num = changeNumerator.abs();
            String amount = changeDenominator.compareTo(BigDecimal.ONE) == 0 ? num.stripTrailingZeros().toPlainString()
                    : num.stripTrailingZeros().toPlainString() + "/" + changeDenominator.stripTrailingZeros().toPlainString();
            if (changeDenominator.compareTo(BigDecimal.valueOf(100)) == 0) {
                amount = num.stripTrailingZeros().toPlainString() + " pct.";
            } else if (num.compareTo(BigDecimal.ONE) == 0 && changeDenominator.compareTo(BigDecimal.valueOf(3)) == 0) {
                amount = "en tredjedel";
            }
            return amount + (down ? " under " : " over ") + "niveauet i " + period.danishLabel();
        }
    }

    /** A milestone: done or not by its due date, with the evidence that it was done. */
    public record Milestone(int position, String title, java.time.LocalDate dueOn, java.time.LocalDate doneOn, String evidence,
                            String reportedBy, java.time.Instant reportedAt) {

        public boolean doneInTime() {
            return doneOn != null && !doneOn.isAfter(dueOn);
        }
    }

    /** The period's own target, or else the target of the year it lies in. */
    /** Where a goal is in its approval: drafted and submitted by the institution, approved by the department, published. */
    public enum State {
        DRAFT, SUBMITTED, APPROVED, PUBLISHED;

        public String code() {
            return dk.klaremaal.platform.Codes.of(this);
        }

        public static State fromCode(String code) {
            return dk.klaremaal.platform.Codes.parse(State.class, code, "state");
        }
    }

    public boolean published() {
        return state == State.PUBLISHED;
    }

    public boolean superseded() {
        return supersededAt != null;
    }

    public Optional<BigDecimal> target(Period period) {
        BigDecimal own = targets.get(period);
        return Optional.ofNullable(own != null ? own : targets.get(Period.containing(PeriodKind.YEAR, period.start())));
    }
}
