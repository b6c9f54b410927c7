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
        BaselineInput baseline,
        ScaleInput scale,
        ScaleInput secondaryScale,
        List<MilestoneInput> milestones,
        String indicatorKey,
        Integer minObservations) {

    /** A goal assessed on any number of observations (the default, 1). */
    public GoalInput(String organisation, String caseType, String code, String sentence, String dimension, IndicatorInput indicator,
                     String periodKind, List<TargetInput> targets, BaselineInput baseline, ScaleInput scale, ScaleInput secondaryScale,
                     List<MilestoneInput> milestones, String indicatorKey) {
        this(organisation, caseType, code, sentence, dimension, indicator, periodKind, targets, baseline, scale, secondaryScale, milestones,
                indicatorKey, null);
    }

    /** The indicator; sources (survey, question, system, series) are named by their codes in the organisation. */
    public record IndicatorInput(String kind, String statistic, BigDecimal percentile, Integer withinDays, Integer withinSeconds,
                                 String dayUnit, String valueUnit, String channel, String outcome, String survey, String question,
                                 Integer scoreLevel, Integer secondaryScoreLevel, String system, String series,
                                 String denominatorSeries, String service) {
    }

    public record TargetInput(String period, BigDecimal value) {
    }

    /** A baseline period, its value when it predates the data, and the change as a fraction ("-1/3") or percent ("-20%"). */
    public record BaselineInput(String period, BigDecimal value, String change) {
    }

    /**
     * Either a binary comparator and threshold ("✓ if ≤ 15"), or explicit levels. {@code basis} is
     * {@code absolute} (default) or {@code percent_of_target}.
     */
    public record ScaleInput(String kind, String direction, String basis, String comparator, BigDecimal threshold,
                             List<LevelInput> levels) {
    }

    public record LevelInput(String status, String label, BoundInput lower, BoundInput upper) {
    }

    public record BoundInput(BigDecimal value, Boolean inclusive) {
    }

    public record MilestoneInput(String title, String due) {
    }
}
