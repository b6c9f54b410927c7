package dk.klaremaal.measurement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.RoundingMode;
import java.util.List;

/**
 * The p-th percentile by linear interpolation between closest ranks (NumPy's default, R type 7,
 * PostgreSQL's percentile_cont), computed in exact decimals: with the n values sorted, rank
 * h = p·(n − 1) from 0, the result is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌈h⌉] − x[⌊h⌋]). percentile_cont works in
 * binary floating point (17.2 comes out as 17.200000000000003), which could tip a value over a scale
 * boundary; this does not.
 */
final class Percentile {

    private Percentile() {
    }

    /** Select-list columns p_low, p_high and p_weight for the non-null values of {@code expr}; needs the parameter :fraction. */
    static String columns(String expr) {
        String rank = "(cast(:fraction as numeric) * (count(" + expr + ") - 1))";
        String sorted = "(array_agg(" + expr + " order by " + expr + ") filter (where " + expr + " is not null))";
        return sorted + "[floor(" + rank + ")::int + 1] as p_low, "
                + sorted + "[ceil(" + rank + ")::int + 1] as p_high, "
                + rank + " - floor(" + rank + ") as p_weight";
    }

    /** Whether the indicator's statistic is a median or percentile. */
    static boolean needed(dk.klaremaal.goals.Indicator indicator) {
        return indicator.statistic() == dk.klaremaal.goals.Indicator.Statistic.MEDIAN
                || indicator.statistic() == dk.klaremaal.goals.Indicator.Statistic.PERCENTILE;
    }

    /** {@link #columns} preceded by a comma when the indicator needs a percentile, else nothing. */
    static String columnsIf(dk.klaremaal.goals.Indicator indicator, String expr) {
        return needed(indicator) ? ", " + columns(expr) : "";
    }

    static BigDecimal valueIf(dk.klaremaal.goals.Indicator indicator, ResultSet rs) throws SQLException {
        return needed(indicator) ? value(rs) : null;
    }

    /** The percentile from a row selected with {@link #columns}; null when there were no values. */
    static BigDecimal value(ResultSet rs) throws SQLException {
        BigDecimal low = rs.getBigDecimal("p_low");
        BigDecimal high = rs.getBigDecimal("p_high");
        if (low == null || high == null) {
            return null;
        }
        return low.add(rs.getBigDecimal("p_weight").multiply(high.subtract(low)));
    }

    /**
     * The percentile of the values counted in a histogram of (value, count) sorted by value, with the
     * same ranks and interpolation as {@link #columns}.
     */
    static BigDecimal of(List<long[]> histogram, long n, BigDecimal fraction) {
        BigDecimal rank = fraction.multiply(BigDecimal.valueOf(n - 1));
        BigDecimal floor = rank.setScale(0, RoundingMode.FLOOR);
        long lowIndex = floor.longValueExact();
        long highIndex = rank.setScale(0, RoundingMode.CEILING).longValueExact();
        long low = valueAt(histogram, lowIndex);
        long high = valueAt(histogram, highIndex);
        return BigDecimal.valueOf(low).add(rank.subtract(floor).multiply(BigDecimal.valueOf(high - low)));
    }

    /** The value at a 0-based position of the sorted values the histogram counts. */
    private static long valueAt(List<long[]> histogram, long index) {
        long seen = 0;
        for (long[] bucket : histogram) {
            seen += bucket[1];
            if (seen > index) {
                return bucket[0];
            }
        }
        throw new IllegalArgumentException("position " + index + " beyond " + seen + " values");
    }
}
