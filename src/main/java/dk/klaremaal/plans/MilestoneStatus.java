package dk.klaremaal.plans;

import dk.klaremaal.platform.Codes;

/**
 * How far a milestone was reached at the follow-up; its symbol carries the meaning, the colour only repeats it. The
 * symbols are those of opfyldt / delvist opfyldt / ikke opfyldt, so a plan reads with the same symbols as its goals.
 */
public enum MilestoneStatus {
    REACHED(dk.klaremaal.goals.Status.MET.symbol(), "status--good"),
    PARTLY_REACHED(dk.klaremaal.goals.Status.PARTLY_MET.symbol(), "status--middle"),
    NOT_REACHED(dk.klaremaal.goals.Status.NOT_MET.symbol(), "status--bad");

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
