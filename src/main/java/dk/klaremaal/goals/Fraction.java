package dk.klaremaal.goals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * An exact quotient of two decimals, so that a value such as a mean of 8/3 days or a target two thirds
 * of a baseline is compared with a scale's bounds without rounding: a/b against c is decided by a
 * against c·b (the denominator is kept positive), which BigDecimal multiplies exactly. Shown to 16
 * significant digits by {@link #decimal()}.
 */
public record Fraction(BigDecimal numerator, BigDecimal denominator) implements Comparable<Fraction> {

    public static final Fraction HUNDRED = of(BigDecimal.valueOf(100));

    public Fraction {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("a fraction's denominator is not zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
    }

    public static Fraction of(BigDecimal value) {
        return new Fraction(value, BigDecimal.ONE);
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** part × 100 ÷ whole: a share in percent. */
    public static Fraction percent(long part, long whole) {
        return new Fraction(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)), BigDecimal.valueOf(whole));
    }

    public Fraction times(Fraction other) {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Fraction dividedBy(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public int signum() {
        return numerator.signum();
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    public int compareTo(BigDecimal value) {
        return numerator.compareTo(value.multiply(denominator));
    }

    /** The value rounded to 16 significant digits, for showing; never for comparing. */
    public BigDecimal decimal() {
        return numerator.divide(denominator, MathContext.DECIMAL64);
    }
}
