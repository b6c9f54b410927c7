package dk.klaremaal.goals;

import dk.klaremaal.platform.Codes;

public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER;

    public String code() {
        return Codes.of(this);
    }

    public static Direction fromCode(String code) {
        return Codes.parse(Direction.class, code, "direction");
    }
}
