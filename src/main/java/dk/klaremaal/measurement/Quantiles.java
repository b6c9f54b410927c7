package dk.klaremaal.measurement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Quartiles and other quantiles of sorted values by linear interpolation between closest ranks (the
 * same rule as {@link Percentile}, NumPy's default, R type 7), in exact decimals.
 */
public record Quantiles(long n, BigDecimal p25, BigDecimal median, BigDecimal p75, BigDecimal p90, BigDecimal mean) {

    /** The quantiles of values sorted ascending; null for an empty list. */
    public static Quantiles of(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Quantiles(sorted.size(), at(sorted, "0.25"), at(sorted, "0.5"), at(sorted, "0.75"), at(sorted, "0.9"),
                sum.divide(BigDecimal.valueOf(sorted.size()), MathContext.DECIMAL64));
    }

    /** x[⌊h⌋] + (h − ⌊h⌋)(x[⌈h⌉] − x[⌊h⌋]) with h = p(n − 1), counting from 0. */
    static BigDecimal at(List<BigDecimal> sorted, String fraction) {
        BigDecimal h = new BigDecimal(fraction).multiply(BigDecimal.valueOf(sorted.size() - 1L));
        int low = h.intValue();
        int high = Math.min(low + (h.stripTrailingZeros().scale() > 0 ? 1 : 0), sorted.size() - 1);
        BigDecimal weight = h.subtract(BigDecimal.valueOf(low));
        return sorted.get(low).add(weight.multiply(sorted.get(high).subtract(sorted.get(low))));
    }
}
