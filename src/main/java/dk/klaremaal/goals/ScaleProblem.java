package dk.klaremaal.goals;

import java.math.BigDecimal;

/**
 * Why a scale cannot be used, in English (API) and Danish (pages). Gaps and overlaps are written in
 * interval notation, e.g. "gap ]97; 100]: values above 97 up to and including 100 are not assessed".
 */
public record ScaleProblem(String kind, String english, String danish) {

    static ScaleProblem other(String english, String danish) {
        return new ScaleProblem("invalid", english, danish);
    }

    static ScaleProblem gap(Scale.Cut from, Scale.Cut to) {
        return new ScaleProblem("gap",
                "gap " + notation(from, to) + ": " + englishRange(from, to) + " not assessed by any level",
                "hul " + notation(from, to) + ": " + danishRange(from, to) + " vurderes ikke af noget niveau");
    }

    static ScaleProblem overlap(Scale.Cut from, Scale.Cut to, ScaleLevel first, ScaleLevel second) {
        return new ScaleProblem("overlap",
                "overlap " + notation(from, to) + ": " + englishRange(from, to) + " in both '" + first.danishLabel()
                        + "' and '" + second.danishLabel() + "'",
                "overlap " + notation(from, to) + ": " + danishRange(from, to) + " hører til både '" + first.danishLabel()
                        + "' og '" + second.danishLabel() + "'");
    }

    private static String notation(Scale.Cut from, Scale.Cut to) {
        if (point(from, to)) {
            return "{" + number(from.value()) + "}";
        }
        String left = from.infinite() ? "]−∞" : (from.side() == 0 ? "[" : "]") + number(from.value());
        String right = to.infinite() ? "∞[" : number(to.value()) + (to.side() == 0 ? "]" : "[");
        return left + "; " + right;
    }

    private static String englishRange(Scale.Cut from, Scale.Cut to) {
        if (point(from, to)) {
            return "the value " + number(from.value()) + " is";
        }
        String low = from.infinite() ? "values" : (from.side() == 0 ? "values from " : "values above ") + number(from.value());
        String high = to.infinite() ? " upwards" : (to.side() == 0 ? " up to and including " : " up to but not including ") + number(to.value());
        return low + high + " are";
    }

    private static String danishRange(Scale.Cut from, Scale.Cut to) {
        if (point(from, to)) {
            return "værdien " + number(from.value());
        }
        String low = from.infinite() ? "værdier" : (from.side() == 0 ? "værdier fra og med " : "værdier over ") + number(from.value());
        String high = to.infinite() ? " og opefter" : (to.side() == 0 ? " til og med " : " til under ") + number(to.value());
        return low + high;
    }

    private static boolean point(Scale.Cut from, Scale.Cut to) {
        return !from.infinite() && !to.infinite() && from.side() == 0 && to.side() == 0 && from.value().compareTo(to.value()) == 0;
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
