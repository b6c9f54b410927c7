package dk.klaremaal.goals;

import dk.klaremaal.platform.Codes;

public enum PeriodKind {
    YEAR, HALF, QUARTER, MONTH;

    public String code() {
        return Codes.of(this);
    }

    public static PeriodKind fromCode(String code) {
        return Codes.parse(PeriodKind.class, code, "period kind");
    }
}
