package dk.klaremaal.goals;

import dk.klaremaal.platform.Codes;

/**
 * The assessment of a result. Rank 0 is the best level of a scale, 2 the worst; binary scales use
 * {@link #MET} and {@link #NOT_MET} only. Each status has one symbol, shown wherever the status is (goal
 * pages, organisation pages, plans and their milestones, reports, screens, embeds, comparisons).
 */
public enum Status {
    MET("Opfyldt", "Met", 0, "✓"),
    PARTLY_MET("Delvist opfyldt", "Partly met", 1, "▲"),
    NOT_MET("Ikke opfyldt", "Not met", 2, "−"),
    SATISFACTORY("Tilfredsstillende", "Satisfactory", 0, "●"),
    ON_THE_WAY("På vej", "On the way", 1, "▲"),
    UNSATISFACTORY("Utilfredsstillende", "Unsatisfactory", 2, "■");

    private final String danish;
    private final String english;
    private final int rank;
    private final String symbol;

    Status(String danish, String english, int rank, String symbol) {
        this.danish = danish;
        this.english = english;
        this.rank = rank;
        this.symbol = symbol;
    }

    /** The status's one symbol: the shape carries the meaning with the text, the colour only repeats it. */
    public String symbol() {
        return symbol;
    }

    public String danish() {
        return danish;
    }

    public String english() {
        return english;
    }

    public int rank() {
        return rank;
    }

    public String code() {
        return Codes.of(this);
    }

    public static Status fromCode(String code) {
        return Codes.parse(Status.class, code, "status");
    }
}
