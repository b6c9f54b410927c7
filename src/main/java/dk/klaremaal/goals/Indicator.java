package dk.klaremaal.goals;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How a processing-time goal is measured: the statistic over the decided cases of its case type, in
 * calendar or working days, reported in days, weeks, or (for a share) percent.
 */
public record Indicator(Statistic statistic, BigDecimal percentile, Integer withinDays, DayUnit dayUnit, ValueUnit valueUnit) {

    public enum Statistic {
        MEAN, MEDIAN, PERCENTILE, SHARE_WITHIN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Statistic fromCode(String code) {
            for (Statistic s : values()) {
                if (s.code().equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown statistic '" + code + "'; expected mean, median, percentile or share_within");
        }
    }

    public enum DayUnit {
        CALENDAR, WORKING;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static DayUnit fromCode(String code) {
            return switch (code) {
                case "calendar" -> CALENDAR;
                case "working" -> WORKING;
                default -> throw new IllegalArgumentException("unknown day unit '" + code + "'; expected calendar or working");
            };
        }
    }

    public enum ValueUnit {
        DAYS, WEEKS, PERCENT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static ValueUnit fromCode(String code) {
            return switch (code) {
                case "days" -> DAYS;
                case "weeks" -> WEEKS;
                case "percent" -> PERCENT;
                default -> throw new IllegalArgumentException("unknown value unit '" + code + "'; expected days, weeks or percent");
            };
        }
    }

    public Scale.Domain domain() {
        return valueUnit == ValueUnit.PERCENT ? Scale.Domain.PERCENT : Scale.Domain.NON_NEGATIVE;
    }

    /** The fraction (0–1) of the percentile, for median 0.5. */
    public double fraction() {
        return statistic == Statistic.MEDIAN ? 0.5 : percentile.movePointLeft(2).doubleValue();
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
