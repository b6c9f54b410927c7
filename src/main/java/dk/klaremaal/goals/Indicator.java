package dk.klaremaal.goals;

import dk.klaremaal.platform.Codes;
import java.math.BigDecimal;

/**
 * How a processing-time goal is measured: the statistic over the decided cases of its case type, in
 * calendar or working days, reported in days, weeks, or (for a share) percent.
 */
public record Indicator(Statistic statistic, BigDecimal percentile, Integer withinDays, DayUnit dayUnit, ValueUnit valueUnit) {

    public enum Statistic {
        MEAN, MEDIAN, PERCENTILE, SHARE_WITHIN;

        public String code() {
            return Codes.of(this);
        }

        public static Statistic fromCode(String code) {
            return Codes.parse(Statistic.class, code, "statistic");
        }
    }

    public enum DayUnit {
        CALENDAR, WORKING;

        public String code() {
            return Codes.of(this);
        }

        public static DayUnit fromCode(String code) {
            return Codes.parse(DayUnit.class, code, "day unit");
        }
    }

    public enum ValueUnit {
        DAYS, WEEKS, PERCENT;

        public String code() {
            return Codes.of(this);
        }

        public static ValueUnit fromCode(String code) {
            return Codes.parse(ValueUnit.class, code, "value unit");
        }
    }

    public Scale.Domain domain() {
        return valueUnit == ValueUnit.PERCENT ? Scale.Domain.PERCENT : Scale.Domain.NON_NEGATIVE;
    }

    /** The fraction (0–1) of the percentile; 0.5 (the median) for every other statistic. */
    public double fraction() {
        return statistic == Statistic.PERCENTILE ? percentile.movePointLeft(2).doubleValue() : 0.5;
    }

    public String danishDescription() {
        String days = dayUnit == DayUnit.WORKING ? "arbejdsdage" : "kalenderdage";
        return switch (statistic) {
            case MEAN -> "Gennemsnitlig sagsbehandlingstid (" + (valueUnit == ValueUnit.WEEKS ? "uger, regnet i " + days : days) + ")";
            case MEDIAN -> "Median sagsbehandlingstid (" + (valueUnit == ValueUnit.WEEKS ? "uger, regnet i " + days : days) + ")";
            case PERCENTILE -> percentile.stripTrailingZeros().toPlainString() + ". percentil af sagsbehandlingstiden ("
                    + (valueUnit == ValueUnit.WEEKS ? "uger, regnet i " + days : days) + ")";
            case SHARE_WITHIN -> "Andel af afgjorte sager med en sagsbehandlingstid på højst " + withinDays + " " + days + " (pct.)";
        };
    }
}
