package dk.klaremaal.measurement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

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
}
