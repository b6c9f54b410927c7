package dk.klaremaal.goals;

import java.math.BigDecimal;
import java.util.Objects;

/** One end of a scale level's range: a number, and whether the number itself belongs to the level. */
public record Bound(BigDecimal value, boolean inclusive) {

    public Bound {
        Objects.requireNonNull(value, "value");
    }

    public static Bound inclusive(String value) {
        return new Bound(new BigDecimal(value), true);
    }

    public static Bound exclusive(String value) {
        return new Bound(new BigDecimal(value), false);
    }
}
