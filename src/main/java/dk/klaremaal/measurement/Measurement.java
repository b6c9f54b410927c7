package dk.klaremaal.measurement;

import java.math.BigDecimal;

/**
 * An indicator's value over one range of days, in the indicator's unit, and how many observations
 * (cases, contacts, answers, probes, reported periods, milestones) it rests on. A compound goal
 * also has its second value.
 */
public record Measurement(long observations, BigDecimal value, BigDecimal secondary) {

    public Measurement(long observations, BigDecimal value) {
        this(observations, value, null);
    }
}
