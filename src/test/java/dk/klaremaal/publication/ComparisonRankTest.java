package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.goals.Direction;
import dk.klaremaal.goals.Period;
import dk.klaremaal.measurement.GoalResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Competition ranks, hand-worked: equal values share a rank and the next rank skips ("1, 2, 2, 4"). */
class ComparisonRankTest {

    private static ComparisonService.Row row(String value) {
        GoalResult result = value == null ? null : new GoalResult(Period.parse("2025"), false, 1L, new BigDecimal(value), null, null, null, null,
                null, null, null, null, GoalResult.Standing.NO_TARGET, null);
        return new ComparisonService.Row(null, null, result, null, null);
    }

    private static List<Integer> ranks(Direction direction, String... values) {
        return ComparisonService.ranked(Arrays.stream(values).map(ComparisonServiceRows::of).toList(), direction).stream()
                .map(ComparisonService.Row::rank).toList();
    }

    /** Builds rows from value strings (null for no value). */
    private static final class ComparisonServiceRows {
        static ComparisonService.Row of(String v) {
            return row(v);
        }
    }

    @Test
    void lowerIsBetterRanksTheShortestTimeFirstAndTiesShareARank() {
        assertThat(ranks(Direction.LOWER_IS_BETTER, "30", "5", "10", "5.0", null, "2"))
                .containsExactly(5, 2, 4, 2, null, 1);
    }

    @Test
    void higherIsBetterRanksTheLargestShareFirst() {
        assertThat(ranks(Direction.HIGHER_IS_BETTER, "61.5", "90", "61.50", "12"))
                .containsExactly(2, 1, 2, 4);
    }

    private static ComparisonService.Row row(String value, long observations, GoalResult.Standing standing) {
        return new ComparisonService.Row(null, null, new GoalResult(Period.parse("2025"), false, observations, new BigDecimal(value), null,
                null, null, null, null, null, null, null, standing, null), null, null);
    }

    @Test
    void aValueOnTooFewObservationsHasNoRankAndTakesNoPlaceFromTheOthers() {
        // 100 % on one case would otherwise be first; the assessed 80 and 75 are then 1 and 2, not 2 and 3.
        List<ComparisonService.Row> rows = List.of(row("100", 1, GoalResult.Standing.TOO_FEW), row("80", 12, GoalResult.Standing.ASSESSED),
                row("75", 9, GoalResult.Standing.ASSESSED), row("90", 2, GoalResult.Standing.TOO_FEW));
        assertThat(ComparisonService.ranked(rows, Direction.HIGHER_IS_BETTER).stream().map(ComparisonService.Row::rank).toList())
                .containsExactly(null, 1, 2, null);
    }

    @Test
    void titlesSharedByTwoKeysAreMadeDistinct() {
        java.util.Map<String, String> titles = new java.util.LinkedHashMap<>();
        titles.put("a", "Byggetilladelse");
        titles.put("b", "Byggetilladelse");
        titles.put("c", "Affald");
        ComparisonService.distinguish(titles, k -> k.equals("a") ? "Median sagsbehandlingstid" : null);
        ComparisonService.distinguish(titles, k -> k);
        assertThat(titles).containsEntry("a", "Byggetilladelse (Median sagsbehandlingstid)").containsEntry("b", "Byggetilladelse")
                .containsEntry("c", "Affald");

        java.util.Map<String, String> same = new java.util.LinkedHashMap<>(java.util.Map.of("x", "Affald", "y", "Affald"));
        ComparisonService.distinguish(same, k -> null);
        ComparisonService.distinguish(same, k -> k);
        assertThat(same).containsEntry("x", "Affald (x)").containsEntry("y", "Affald (y)");
    }

    @Test
    void theChartsScaleEndsAtARoundNumberAtOrAboveTheLargestValue() {
        assertThat(ComparisonChart.niceCeiling(55)).isEqualTo(60);
        assertThat(ComparisonChart.niceCeiling(45.2)).isEqualTo(50);
        assertThat(ComparisonChart.niceCeiling(101)).isEqualTo(150);
        assertThat(ComparisonChart.niceCeiling(100)).isEqualTo(100);
        assertThat(ComparisonChart.niceCeiling(7)).isEqualTo(8);
        assertThat(ComparisonChart.niceCeiling(0)).isEqualTo(1);
    }
}
