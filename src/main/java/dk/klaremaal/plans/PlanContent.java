package dk.klaremaal.plans;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What one version of a performance plan states: mission and vision, the strategic bearings
 * (pejlemærker), the year's goals under them with their quarterly milestones and the goals of the
 * organisation that measure them (KPIs), and the rule for the annual assessment.
 */
public record PlanContent(String title, String mission, String vision, List<Bearing> bearings, List<PlanGoal> goals, AssessmentRule rule) {

    public PlanContent {
        bearings = bearings == null ? List.of() : List.copyOf(bearings);
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    /** A strategic bearing. */
    public record Bearing(String code, String title, String description) {
    }

    /**
     * A goal for the year under a bearing. {@code kpis} are the codes of the organisation's goals
     * that measure it; their results for the year count in the assessment like milestones.
     */
    public record PlanGoal(String code, String bearing, String title, String description, List<Milestone> milestones, List<String> kpis) {

        public PlanGoal {
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
            kpis = kpis == null ? List.of() : List.copyOf(kpis);
        }

        public List<Milestone> dueIn(int quarter) {
            return milestones.stream().filter(m -> m.quarter() != null && m.quarter() == quarter).toList();
        }
    }

    /**
     * A milestone due by the end of a quarter, in the plan's own words; with a measurable target
     * (e.g. 3,000 hours, 40 pct.) where there is one. A target is reached by a value at or above it,
     * or at or below it when lower is better.
     */
    public record Milestone(String key, Integer quarter, String text, BigDecimal target, String unit, Boolean lowerIsBetter) {

        public Milestone {
            lowerIsBetter = Boolean.TRUE.equals(lowerIsBetter);
        }

        public boolean measurable() {
            return target != null;
        }

        public boolean meets(BigDecimal value) {
            int c = value.compareTo(target);
            return lowerIsBetter ? c <= 0 : c >= 0;
        }
    }

    /**
     * The rule the plan states for the annual assessment: a goal is met when every milestone and KPI
     * is reached, partly met when at least {@code partlyFromPercent} per cent are, and not met otherwise.
     */
    public record AssessmentRule(int partlyFromPercent) {

        public static final AssessmentRule HALF = new AssessmentRule(50);
    }

    public AssessmentRule ruleOrDefault() {
        return rule == null ? AssessmentRule.HALF : rule;
    }

    public Optional<PlanGoal> goal(String code) {
        return goals.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public Optional<Bearing> bearing(String code) {
        return bearings.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    public Optional<Milestone> milestone(String key) {
        return goals.stream().flatMap(g -> g.milestones().stream()).filter(m -> m.key().equals(key)).findFirst();
    }

    public Optional<PlanGoal> goalOf(String milestoneKey) {
        return goals.stream().filter(g -> g.milestones().stream().anyMatch(m -> m.key().equals(milestoneKey))).findFirst();
    }
}
