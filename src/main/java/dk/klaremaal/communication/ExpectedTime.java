package dk.klaremaal.communication;

import dk.klaremaal.goals.Indicator.DayUnit;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The processing time a case type's applicants can expect: {@code days} (calendar or working days)
 * within which {@code share} percent of the cases decided from {@code windowFrom} to {@code windowTo}
 * were decided (nearest rank, so a whole number of days that at least that share actually met). With
 * fewer than the minimum number of cases it falls back to the goal's promise ({@link Basis#GOAL}),
 * or is unknown ({@link Basis#NONE}, days null).
 */
public record ExpectedTime(long caseTypeId, Integer days, DayUnit dayUnit, BigDecimal share, Basis basis, long cases,
                           LocalDate windowFrom, LocalDate windowTo, Long goalId) {

    public enum Basis {
        /** Measured on recent decided cases. */
        MEASURED,
        /** Too few recent cases: the goal's target or deadline. */
        GOAL,
        /** Too few recent cases and no goal to fall back on. */
        NONE;

        public String code() {
            return dk.klaremaal.platform.Codes.of(this);
        }
    }

    public boolean known() {
        return days != null;
    }

    /** "12 dage" / "5 arbejdsdage". */
    public String danishDays() {
        if (days == null) {
            return "ukendt";
        }
        String unit = dayUnit == DayUnit.WORKING ? (days == 1 ? "arbejdsdag" : "arbejdsdage") : (days == 1 ? "dag" : "dage");
        return days + " " + unit;
    }

    public String englishDays() {
        if (days == null) {
            return "unknown";
        }
        return days + (dayUnit == DayUnit.WORKING ? (days == 1 ? " working day" : " working days") : (days == 1 ? " day" : " days"));
    }

    /** How the figure was found, in Danish, for the page beside the goal. */
    public String danishExplanation() {
        return switch (basis) {
            case MEASURED -> share.stripTrailingZeros().toPlainString() + " pct. af de " + cases + " sager, der blev afgjort fra "
                    + windowFrom + " til " + windowTo + ", blev afgjort inden for " + danishDays() + ".";
            case GOAL -> "Der er for få afgjorte sager fra " + windowFrom + " til " + windowTo + " (" + cases
                    + ") til en beregning; tallet er målets løfte.";
            case NONE -> "Der er for få afgjorte sager til en beregning, og der er intet mål at falde tilbage på.";
        };
    }
}
