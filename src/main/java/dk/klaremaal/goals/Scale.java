package dk.klaremaal.goals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An assessment scale: ordered levels (best first), each a range of values with explicit
 * inclusive/exclusive bounds. A usable scale assesses every possible value exactly once.
 */
public record Scale(ScaleKind kind, Direction direction, List<ScaleLevel> levels) {

    public Scale {
        levels = List.copyOf(levels);
    }

    /** The range a value of a unit can take: percentages 0–100, times and counts from 0 upwards. */
    public record Domain(Bound lower, Bound upper) {
        public static final Domain PERCENT = new Domain(Bound.inclusive("0"), Bound.inclusive("100"));
        public static final Domain NON_NEGATIVE = new Domain(Bound.inclusive("0"), null);
    }

    /** ✓ when the value compares to the threshold as the comparator says (≤, <, ≥ or >), − otherwise. */
    public static Scale binary(String comparator, BigDecimal threshold, Domain domain) {
        Bound at = new Bound(threshold, true);
        Bound past = new Bound(threshold, false);
        return switch (comparator) {
            case "<=" -> new Scale(ScaleKind.BINARY, Direction.LOWER_IS_BETTER, List.of(
                    new ScaleLevel(Status.MET, domain.lower(), at), new ScaleLevel(Status.NOT_MET, past, domain.upper())));
            case "<" -> new Scale(ScaleKind.BINARY, Direction.LOWER_IS_BETTER, List.of(
                    new ScaleLevel(Status.MET, domain.lower(), past), new ScaleLevel(Status.NOT_MET, at, domain.upper())));
            case ">=" -> new Scale(ScaleKind.BINARY, Direction.HIGHER_IS_BETTER, List.of(
                    new ScaleLevel(Status.MET, at, domain.upper()), new ScaleLevel(Status.NOT_MET, domain.lower(), past)));
            case ">" -> new Scale(ScaleKind.BINARY, Direction.HIGHER_IS_BETTER, List.of(
                    new ScaleLevel(Status.MET, past, domain.upper()), new ScaleLevel(Status.NOT_MET, domain.lower(), at)));
            default -> throw new IllegalArgumentException("unknown comparator '" + comparator + "'; expected <=, <, >= or >");
        };
    }

    public Optional<ScaleLevel> assess(BigDecimal value) {
        return assess(Fraction.of(value));
    }

    public Optional<ScaleLevel> assess(Fraction value) {
        return levels.stream().filter(l -> l.contains(value)).findFirst();
    }

    /** Statuses that do not belong to this kind of scale, levels that cover nothing, gaps and overlaps. */
    public List<ScaleProblem> problems(Domain domain) {
        List<ScaleProblem> problems = new ArrayList<>();
        if (levels.isEmpty()) {
            problems.add(ScaleProblem.other("the scale has no levels", "skalaen har ingen niveauer"));
            return problems;
        }
        for (ScaleLevel level : levels) {
            if (!kind.statuses().contains(level.status())) {
                problems.add(ScaleProblem.other("status " + level.status().code() + " does not belong to a " + kind.code() + " scale",
                        "status " + level.status().danish() + " hører ikke til en skala af typen " + kind.code()));
            }
        }
        for (Status status : kind.statuses()) {
            if (levels.stream().noneMatch(l -> l.status() == status)) {
                problems.add(ScaleProblem.other("no level has the status " + status.code(), "intet niveau har status " + status.danish()));
            }
        }
        Cut domainStart = Cut.start(domain.lower());
        Cut domainEnd = Cut.end(domain.upper());
        record Range(ScaleLevel level, Cut start, Cut end) {
        }
        List<Range> ranges = new ArrayList<>();
        for (ScaleLevel level : levels) {
            Cut start = Cut.max(Cut.start(level.lower()), domainStart);
            Cut end = Cut.min(Cut.end(level.upper()), domainEnd);
            if (start.compareTo(end) > 0) {
                problems.add(ScaleProblem.other("level '" + level.danishLabel() + "' covers no possible value",
                        "niveauet '" + level.danishLabel() + "' dækker ingen mulig værdi"));
            } else {
                ranges.add(new Range(level, start, end));
            }
        }
        ranges.sort(Comparator.comparing(Range::start).thenComparing(Range::end));
        Cut expected = domainStart;
        Range widest = null;
        for (Range range : ranges) {
            if (widest != null && range.start().compareTo(widest.end()) <= 0) {
                Cut overlapEnd = Cut.min(range.end(), widest.end());
                problems.add(ScaleProblem.overlap(range.start(), overlapEnd, widest.level(), range.level()));
            } else if (range.start().compareTo(expected) > 0) {
                problems.add(ScaleProblem.gap(expected, range.start().previous()));
            }
            if (widest == null || range.end().compareTo(widest.end()) > 0) {
                widest = range;
            }
            expected = widest.end().next();
        }
        if (widest == null) {
            problems.add(ScaleProblem.gap(domainStart, domainEnd));
        } else if (widest.end().compareTo(domainEnd) < 0) {
            problems.add(ScaleProblem.gap(widest.end().next(), domainEnd));
        }
        return problems;
    }

    /**
     * A position on the number line refined to one side of a number: just below it (side −1), the
     * number itself (0) or just above it (+1). A null value with side −1/+1 is −∞/+∞.
     */
    record Cut(BigDecimal value, int side) implements Comparable<Cut> {
        static final Cut NEGATIVE_INFINITY = new Cut(null, -1);
        static final Cut POSITIVE_INFINITY = new Cut(null, 1);

        static Cut start(Bound lower) {
            return lower == null ? NEGATIVE_INFINITY : new Cut(lower.value(), lower.inclusive() ? 0 : 1);
        }

        static Cut end(Bound upper) {
            return upper == null ? POSITIVE_INFINITY : new Cut(upper.value(), upper.inclusive() ? 0 : -1);
        }

        static Cut max(Cut a, Cut b) {
            return a.compareTo(b) >= 0 ? a : b;
        }

        static Cut min(Cut a, Cut b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        boolean infinite() {
            return value == null;
        }

        Cut next() {
            return infinite() ? this : new Cut(value, side + 1);
        }

        Cut previous() {
            return infinite() ? this : new Cut(value, side - 1);
        }

        @Override
        public int compareTo(Cut other) {
            if (infinite() || other.infinite()) {
                int a = infinite() ? side * 2 : 0;
                int b = other.infinite() ? other.side * 2 : 0;
                return Integer.compare(a, b);
            }
            int c = value.compareTo(other.value);
            return c != 0 ? c : Integer.compare(side, other.side);
        }
    }
}
