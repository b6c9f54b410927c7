package dk.klaremaal.goals;

import java.math.BigDecimal;

/** A level of an assessment scale; a null bound leaves that side open. */
public record ScaleLevel(Status status, String label, Bound lower, Bound upper) {

    public ScaleLevel(Status status, Bound lower, Bound upper) {
        this(status, null, lower, upper);
    }

    public boolean contains(BigDecimal value) {
        return contains(Fraction.of(value));
    }

    /** Whether the exact value lies within the bounds; a quotient is not rounded before it is compared. */
    public boolean contains(Fraction value) {
        if (lower != null) {
            int c = value.compareTo(lower.value());
            if (c < 0 || (c == 0 && !lower.inclusive())) {
                return false;
            }
        }
        if (upper != null) {
            int c = value.compareTo(upper.value());
            return c < 0 || (c == 0 && upper.inclusive());
        }
        return true;
    }

    /** The level's own wording when the institution gave one (e.g. "ikke tilfredsstillende"), else the status's. */
    /** In English the status's own name, unless the institution gave the level a wording of its own (kept as written). */
    public String displayLabel() {
        if (label != null && !label.isBlank()) {
            return label;
        }
        return dk.klaremaal.platform.LanguageConfiguration.english() ? status.english() : status.danish();
    }

    public String danishLabel() {
        return label == null || label.isBlank() ? status.danish() : label;
    }
}
