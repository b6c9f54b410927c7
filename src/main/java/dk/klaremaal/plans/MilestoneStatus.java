package dk.klaremaal.plans;

import dk.klaremaal.platform.Codes;

/** How far a milestone was reached at the follow-up; its symbol carries the meaning, the colour only repeats it. */
public enum MilestoneStatus {
    REACHED("✓", "status--good"),
    PARTLY_REACHED("▲", "status--middle"),
    NOT_REACHED("■", "status--bad");

    private final String symbol;
    private final String cssClass;

    MilestoneStatus(String symbol, String cssClass) {
        this.symbol = symbol;
        this.cssClass = cssClass;
    }

    public String symbol() {
        return symbol;
    }

    public String cssClass() {
        return cssClass;
    }

    public String code() {
        return Codes.of(this);
    }

    public static MilestoneStatus fromCode(String code) {
        return Codes.parse(MilestoneStatus.class, code, "status");
    }
}
