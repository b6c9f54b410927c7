package dk.klaremaal.goals;

import java.math.BigDecimal;
import java.util.List;

/** A goal as written by a person or a system, before it is checked. Field names follow the JSON API. */
public record GoalInput(
        String organisation,
        String caseType,
        String code,
        String sentence,
        String dimension,
        IndicatorInput indicator,
        String periodKind,
        List<TargetInput> targets,
        ScaleInput scale) {

    public record IndicatorInput(String kind, String statistic, BigDecimal percentile, Integer withinDays, String dayUnit,
                                 String valueUnit) {
    }

    public record TargetInput(String period, BigDecimal value) {
    }

    /** Either a binary comparator and threshold ("✓ if ≤ 15"), or explicit levels. */
    public record ScaleInput(String kind, String direction, String comparator, BigDecimal threshold, List<LevelInput> levels) {
    }

    public record LevelInput(String status, String label, BoundInput lower, BoundInput upper) {
    }

    public record BoundInput(BigDecimal value, Boolean inclusive) {
    }
}
