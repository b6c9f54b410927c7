package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.goals.Bound;
import dk.klaremaal.goals.Direction;
import dk.klaremaal.goals.Fraction;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.Indicator.DayUnit;
import dk.klaremaal.goals.Indicator.Statistic;
import dk.klaremaal.goals.Indicator.ValueUnit;
import dk.klaremaal.goals.Period;
import dk.klaremaal.goals.PeriodKind;
import dk.klaremaal.goals.Scale;
import dk.klaremaal.goals.ScaleKind;
import dk.klaremaal.goals.ScaleLevel;
import dk.klaremaal.goals.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values exactly at a bound are assessed as being at it, with repeating decimals (thirds, sevenths)
 * in the value, the baseline and the target, at every comparator and with inclusive and exclusive bounds.
 */
class ExactAssessmentTest {

    private static final Indicator MEAN_DAYS = Indicator.processingTime(Statistic.MEAN, null, null, DayUnit.CALENDAR, ValueUnit.DAYS);
    private static final Indicator SHARE_WITHIN = Indicator.processingTime(Statistic.SHARE_WITHIN, null, 10, DayUnit.CALENDAR,
            ValueUnit.PERCENT);
    private static final Period Y2024 = Period.parse("2024");

    private static Goal goal(Indicator indicator, Scale scale, Goal.ScaleBasis basis, String change) {
        String[] parts = change.split("/");
        Goal.Baseline baseline = basis == Goal.ScaleBasis.ABSOLUTE ? null
                : new Goal.Baseline(Period.parse("2023"), null, new BigDecimal(parts[0]), new BigDecimal(parts[1]));
        return new Goal(1, 1, 1L, "T", "Test", "faglig_kvalitet", indicator, PeriodKind.YEAR, scale, null, basis, Map.of(), baseline,
                List.of(), null, null, null, null, Goal.State.PUBLISHED);
    }

    /** The mean of the cases' days as stored: PostgreSQL's rounded average beside the exact sum. */
    private static Measurement mean(long total, long cases) {
        var aggregate = new CaseStatisticsRepository.Aggregate(cases, BigDecimal.valueOf(total).divide(BigDecimal.valueOf(cases), 16,
                java.math.RoundingMode.HALF_EVEN), null, 0, BigDecimal.valueOf(total));
        return new Measurement(cases, CaseStatisticsRepository.value(MEAN_DAYS, aggregate), null,
                CaseStatisticsRepository.exact(MEAN_DAYS, aggregate), null);
    }

    private static Status status(Goal goal, Measurement baseline, Measurement value) {
        Fraction target = ResultService.target(goal, Y2024, baseline.exact());
        ScaleLevel level = ResultService.assess(goal, value, target).level();
        return level == null ? null : level.status();
    }

    private static Status onTarget(String comparator, String change, Measurement baseline, Measurement value) {
        Scale scale = Scale.binary(comparator, BigDecimal.valueOf(100), Scale.Domain.NON_NEGATIVE);
        return status(goal(MEAN_DAYS, scale, Goal.ScaleBasis.PERCENT_OF_TARGET, change), baseline, value);
    }

    @Test
    void eightThirdsAgainstTwoTimesOneAndAThirdIsExactlyOneHundredPercent() {
        Measurement baseline = mean(2, 1);
        Measurement value = mean(8, 3);
        Goal goal = goal(MEAN_DAYS, Scale.binary("<", BigDecimal.valueOf(100), Scale.Domain.NON_NEGATIVE),
                Goal.ScaleBasis.PERCENT_OF_TARGET, "1/3");
        var assessment = ResultService.assess(goal, value, ResultService.target(goal, Y2024, baseline.exact()));
        assertThat(assessment.percentOfTarget()).isEqualByComparingTo("100");
        assertThat(assessment.level().status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void everyComparatorExactlyAtATargetOfTwoThirdsOfTheBaseline() {
        // Baseline mean 4 (12/3), target one third lower: 8/3; value mean 8/3 (8 days over 3 cases).
        Measurement baseline = mean(12, 3);
        Measurement value = mean(8, 3);
        assertThat(onTarget("<", "-1/3", baseline, value)).isEqualTo(Status.NOT_MET);
        assertThat(onTarget("<=", "-1/3", baseline, value)).isEqualTo(Status.MET);
        assertThat(onTarget(">", "-1/3", baseline, value)).isEqualTo(Status.NOT_MET);
        assertThat(onTarget(">=", "-1/3", baseline, value)).isEqualTo(Status.MET);
    }

    @Test
    void everyComparatorExactlyAtATargetInSevenths() {
        // Baseline mean 22/7, target one third lower: 44/21; value mean 44/21 (44 days over 21 cases).
        Measurement baseline = mean(22, 7);
        Measurement value = mean(44, 21);
        assertThat(onTarget("<", "-1/3", baseline, value)).isEqualTo(Status.NOT_MET);
        assertThat(onTarget("<=", "-1/3", baseline, value)).isEqualTo(Status.MET);
        assertThat(onTarget(">", "-1/3", baseline, value)).isEqualTo(Status.NOT_MET);
        assertThat(onTarget(">=", "-1/3", baseline, value)).isEqualTo(Status.MET);
        // One day more or less over the 21 cases is on the other side.
        assertThat(onTarget("<", "-1/3", baseline, mean(43, 21))).isEqualTo(Status.MET);
        assertThat(onTarget(">", "-1/3", baseline, mean(45, 21))).isEqualTo(Status.MET);
    }

    @Test
    void inclusiveAndExclusiveBoundsExactlyAtAHundredAndTenPercentOfATargetInThirds() {
        // Target 8/3 (4 one third lower); 110 % of it is 44/15 = 2.9333…: 44 days over 15 cases.
        Measurement baseline = mean(4, 1);
        Measurement value = mean(44, 15);
        Scale upperInclusive = new Scale(ScaleKind.TRAFFIC_LIGHT, Direction.LOWER_IS_BETTER, List.of(
                new ScaleLevel(Status.SATISFACTORY, Bound.inclusive("0"), Bound.inclusive("100")),
                new ScaleLevel(Status.ON_THE_WAY, Bound.exclusive("100"), Bound.inclusive("110")),
                new ScaleLevel(Status.UNSATISFACTORY, Bound.exclusive("110"), null)));
        Scale upperExclusive = new Scale(ScaleKind.TRAFFIC_LIGHT, Direction.LOWER_IS_BETTER, List.of(
                new ScaleLevel(Status.SATISFACTORY, Bound.inclusive("0"), Bound.exclusive("100")),
                new ScaleLevel(Status.ON_THE_WAY, Bound.inclusive("100"), Bound.exclusive("110")),
                new ScaleLevel(Status.UNSATISFACTORY, Bound.inclusive("110"), null)));
        assertThat(upperInclusive.problems(Scale.Domain.NON_NEGATIVE)).isEmpty();
        assertThat(upperExclusive.problems(Scale.Domain.NON_NEGATIVE)).isEmpty();
        assertThat(status(goal(MEAN_DAYS, upperInclusive, Goal.ScaleBasis.PERCENT_OF_TARGET, "-1/3"), baseline, value))
                .isEqualTo(Status.ON_THE_WAY);
        assertThat(status(goal(MEAN_DAYS, upperExclusive, Goal.ScaleBasis.PERCENT_OF_TARGET, "-1/3"), baseline, value))
                .isEqualTo(Status.UNSATISFACTORY);
        // Exactly 100 %: 8 days over 3 cases.
        assertThat(status(goal(MEAN_DAYS, upperInclusive, Goal.ScaleBasis.PERCENT_OF_TARGET, "-1/3"), baseline, mean(8, 3)))
                .isEqualTo(Status.SATISFACTORY);
        assertThat(status(goal(MEAN_DAYS, upperExclusive, Goal.ScaleBasis.PERCENT_OF_TARGET, "-1/3"), baseline, mean(8, 3)))
                .isEqualTo(Status.ON_THE_WAY);
    }

    @Test
    void aShareOfTwoThirdsIsBelowItsRoundedDecimal() {
        // 2 of 3 cases within: 66.666…%, which rounds up to the threshold 66.66666666666667 but is below it.
        var aggregate = new CaseStatisticsRepository.Aggregate(3, BigDecimal.ONE, null, 2, BigDecimal.valueOf(3));
        Measurement share = new Measurement(3, CaseStatisticsRepository.value(SHARE_WITHIN, aggregate), null,
                CaseStatisticsRepository.exact(SHARE_WITHIN, aggregate), null);
        assertThat(share.value()).isEqualByComparingTo("66.66666666666667");
        BigDecimal rounded = new BigDecimal("66.66666666666667");
        for (var c : List.of(new Object[]{"<", Status.MET}, new Object[]{"<=", Status.MET}, new Object[]{">", Status.NOT_MET},
                new Object[]{">=", Status.NOT_MET})) {
            Scale scale = Scale.binary((String) c[0], rounded, Scale.Domain.PERCENT);
            Goal goal = goal(SHARE_WITHIN, scale, Goal.ScaleBasis.ABSOLUTE, "0/1");
            assertThat(ResultService.assess(goal, share, null).level().status()).as("2/3 %s 66.66666666666667", c[0]).isEqualTo(c[1]);
        }
    }
}
