package dk.klaremaal.goals;

import java.util.Locale;

public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction fromCode(String code) {
        return switch (code) {
            case "higher_is_better" -> HIGHER_IS_BETTER;
            case "lower_is_better" -> LOWER_IS_BETTER;
            default -> throw new IllegalArgumentException("unknown direction '" + code + "'; expected higher_is_better or lower_is_better");
        };
    }
}
