package dk.klaremaal.plans;

import dk.klaremaal.goals.Status;
import java.time.Instant;
import java.util.List;

/** The annual assessment of a plan's goals: by the plan's rule from milestones and KPIs, or as decided otherwise. */
public final class PlanAssessment {

    private PlanAssessment() {
    }

    /** An assessment decided otherwise than the rule gives, with the justification shown to the public. */
    public record Override(String goal, Status status, String justification, String decidedBy, Instant decidedAt) {
    }

    /**
     * One thing a goal is assessed on: a milestone's follow-up or a KPI's result for the year.
     * {@code status} is null when the milestone has not been followed up or the KPI not measured; it
     * then counts as not reached.
     */
    public record Item(String label, boolean kpi, MilestoneStatus status, String detail) {

        public boolean reached() {
            return status == MilestoneStatus.REACHED;
        }
    }

    /** A goal's assessment; {@code byRule} is null when the goal has nothing to be assessed on. */
    public record GoalAssessment(PlanContent.PlanGoal goal, List<Item> items, Status byRule, Override override) {

        public Status status() {
            return override != null ? override.status() : byRule;
        }

        public long reached() {
            return items.stream().filter(Item::reached).count();
        }

        /** Whether every milestone has been followed up and every KPI measured. */
        public boolean complete() {
            return items.stream().allMatch(i -> i.status() != null);
        }
    }

    /**
     * The plan's rule: met when all {@code counted} items are reached; partly met when at least
     * {@code partlyFromPercent} per cent are; otherwise not met. Nothing to count gives no assessment.
     */
    public static Status byRule(long reached, long counted, PlanContent.AssessmentRule rule) {
        if (counted == 0) {
            return null;
        }
        if (reached < 0 || reached > counted) {
            throw new IllegalArgumentException("reached " + reached + " of " + counted);
        }
        if (reached == counted) {
            return Status.MET;
        }
        return reached * 100 >= (long) rule.partlyFromPercent() * counted ? Status.PARTLY_MET : Status.NOT_MET;
    }

    public static GoalAssessment assess(PlanContent.PlanGoal goal, List<Item> items, PlanContent.AssessmentRule rule, Override override) {
        long reached = items.stream().filter(Item::reached).count();
        return new GoalAssessment(goal, List.copyOf(items), byRule(reached, items.size(), rule), override);
    }
}
