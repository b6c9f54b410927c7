package dk.klaremaal.measurement;

import dk.klaremaal.goals.Fraction;
import java.math.BigDecimal;

/**
 * An indicator's value over one range of days, in the indicator's unit, and how many observations
 * (cases, contacts, answers, probes, reported periods, milestones) it rests on. A compound goal
 * also has its second value. {@code value} and {@code secondary} are shown; {@code exact} and
 * {@code exactSecondary} are the same values as exact quotients (a mean as sum ÷ count, a share as
 * part × 100 ÷ whole), which the scale is read against, so a value exactly at a bound is judged as
 * being at it and not a rounding digit beside it.
 */
public record Measurement(long observations, BigDecimal value, BigDecimal secondary, Fraction exact, Fraction exactSecondary) {

    public Measurement {
        if (exact == null && value != null) {
            exact = Fraction.of(value);
        }
        if (exactSecondary == null && secondary != null) {
            exactSecondary = Fraction.of(secondary);
        }
    }

    public Measurement(long observations, BigDecimal value, BigDecimal secondary) {
        this(observations, value, secondary, null, null);
    }

    public Measurement(long observations, BigDecimal value) {
        this(observations, value, null);
    }

    /** A quotient, shown to 16 significant digits. */
    static Measurement of(long observations, Fraction value) {
        return new Measurement(observations, value.decimal(), null, value, null);
    }

    /** A compound value of two quotients, each shown to 16 significant digits. */
    static Measurement of(long observations, Fraction value, Fraction secondary) {
        return new Measurement(observations, value.decimal(), secondary.decimal(), value, secondary);
    }
}
