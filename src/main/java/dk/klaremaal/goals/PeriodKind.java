package dk.klaremaal.goals;

import java.util.Locale;

public enum PeriodKind {
    YEAR, HALF, QUARTER, MONTH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PeriodKind fromCode(String code) {
        for (PeriodKind k : values()) {
            if (k.code().equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown period kind '" + code + "'; expected year, half, quarter or month");
    }
}
