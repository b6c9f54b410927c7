package dk.klaremaal.plans;

import java.math.BigDecimal;
import java.time.Instant;

/** A milestone's follow-up: how far it was reached, the value where the milestone has a target, and the comment. */
public record FollowUp(String milestone, MilestoneStatus status, BigDecimal value, String comment, String reportedBy, Instant reportedAt) {
}
