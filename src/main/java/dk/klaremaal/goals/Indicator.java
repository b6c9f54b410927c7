package dk.klaremaal.goals;

import dk.klaremaal.platform.Codes;
import java.math.BigDecimal;

/**
 * How a goal is measured: the kind of data, the statistic computed over one period of it, and the
 * settings that statistic needs. Fields that do not apply to the kind are null.
 *
 * @param percentile          for {@link Statistic#PERCENTILE}: p, above 0 and below 100
 * @param withinDays          for {@link Statistic#SHARE_WITHIN} counted in days
 * @param withinSeconds       for a contacts {@link Statistic#SHARE_WITHIN} counted in seconds (phone calls)
 * @param dayUnit             calendar or working days, for times counted in days
 * @param channel             contacts: the channel, e.g. {@code phone}, {@code email}
 * @param outcome             contacts, {@link Statistic#SHARE_OUTCOME}: the outcome counted, e.g. {@code active-service}
 * @param surveyQuestionId    satisfaction: the question
 * @param scoreLevel          satisfaction: the lowest answer that counts as satisfied (share at least, compound)
 * @param secondaryScoreLevel satisfaction, compound: the lowest answer that counts as very satisfied
 * @param systemId            availability: the monitored system
 * @param seriesId            count, ratio (numerator) and reported: the reported series
 * @param denominatorSeriesId ratio: the series divided by; null to divide by the goal's case type's decided cases
 * @param serviceId           service goal: the service whose case types (those with a service goal) are measured
 */
public record Indicator(IndicatorKind kind, Statistic statistic, BigDecimal percentile, Integer withinDays, Integer withinSeconds,
                        DayUnit dayUnit, ValueUnit valueUnit, String channel, String outcome, Long surveyQuestionId,
                        Integer scoreLevel, Integer secondaryScoreLevel, Long systemId, Long seriesId, Long denominatorSeriesId,
                        Long serviceId) {

    /** A processing-time indicator. */
    public static Indicator processingTime(Statistic statistic, BigDecimal percentile, Integer withinDays, DayUnit dayUnit,
                                           ValueUnit valueUnit) {
        return new Indicator(IndicatorKind.PROCESSING_TIME, statistic, percentile, withinDays, null, dayUnit, valueUnit,
                null, null, null, null, null, null, null, null, null);
    }

    public enum Statistic {
        MEAN, MEDIAN, PERCENTILE, SHARE_WITHIN, SHARE_OUTCOME, MISSED_COUNT, SHARE_AT_LEAST, COMPOUND, UPTIME, SUM, RATIO, VALUE,
        SHARE_DONE;

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
        DAYS("dage", "days"), WEEKS("uger", "weeks"), PERCENT("pct.", "%"), SECONDS("sekunder", "seconds"), COUNT("", ""),
        SCORE("point", "points"), NUMBER("", ""), HOURS("timer", "hours");

        private final String danish;
        private final String english;

        ValueUnit(String danish, String english) {
            this.danish = danish;
            this.english = english;
        }

        public String danish() {
            return danish;
        }

        public String english() {
            return english;
        }

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

    /** Whether the value is a time counted in days (processing times, or contact response times in days). */
    public boolean countsDays() {
        return withinSeconds == null && valueUnit != ValueUnit.SECONDS;
    }

    public boolean workingDays() {
        return dayUnit == DayUnit.WORKING;
    }

    /** The fraction (0–1) of the percentile; 0.5 (the median) for every other statistic. */
    public BigDecimal fraction() {
        return statistic == Statistic.PERCENTILE ? percentile.movePointLeft(2) : new BigDecimal("0.5");
    }

    /** A compound goal has a second value (the very satisfied among the satisfied) with its own scale. */
    public boolean compound() {
        return statistic == Statistic.COMPOUND;
    }

    public String danishDescription() {
        String days = dayUnit == DayUnit.WORKING ? "arbejdsdage" : "kalenderdage";
        String timeUnit = valueUnit == ValueUnit.WEEKS ? "uger, regnet i " + days : valueUnit == ValueUnit.SECONDS ? "sekunder" : days;
        return switch (kind) {
            case PROCESSING_TIME -> switch (statistic) {
                case MEAN -> "Gennemsnitlig sagsbehandlingstid (" + timeUnit + ")";
                case MEDIAN -> "Median sagsbehandlingstid (" + timeUnit + ")";
                case PERCENTILE -> percentileText() + " af sagsbehandlingstiden (" + timeUnit + ")";
                default -> "Andel af afgjorte sager med en sagsbehandlingstid på højst " + withinDays + " " + days + " (pct.)";
            };
            case CONTACTS -> switch (statistic) {
                case SHARE_WITHIN -> "Andel af henvendelser (" + channel + ") besvaret inden for "
                        + (withinSeconds != null ? withinSeconds + " sekunder" : withinDays + " " + days) + " (pct.)";
                case MEAN -> "Gennemsnitlig svartid for besvarede henvendelser (" + channel + ", " + timeUnit + ")";
                case MEDIAN -> "Median svartid for besvarede henvendelser (" + channel + ", " + timeUnit + ")";
                case PERCENTILE -> percentileText() + " af svartiden for besvarede henvendelser (" + channel + ", " + timeUnit + ")";
                case SHARE_OUTCOME -> "Andel af besvarede henvendelser (" + channel + ") der ender med udfaldet '" + outcome + "' (pct.)";
                default -> "Antal henvendelser (" + channel + "), der ikke blev besvaret";
            };
            case SATISFACTION -> switch (statistic) {
                case SHARE_AT_LEAST -> "Andel af besvarelserne med svar " + scoreLevel + " eller bedre (pct.)";
                case MEAN -> "Gennemsnitlig score";
                default -> "Andel med svar " + scoreLevel + " eller bedre (pct.), og blandt dem andelen med svar "
                        + secondaryScoreLevel + " eller bedre (pct.)";
            };
            case AVAILABILITY -> "Andel af tiden, løsningen var tilgængelig (pct.)";
            case COUNT -> "Antal i perioden";
            case RATIO -> "Forholdstal i perioden (pct.)";
            case REPORTED -> "Indberettet værdi";
            case MILESTONES -> "Andel af milepælene med frist i perioden, der blev nået til tiden (pct.)";
            case SERVICE_GOAL -> statistic == Statistic.MEAN
                    ? "Gennemsnitlig sagsbehandlingstid for alle sager med et servicemål (" + timeUnit + ")"
                    : "Andel af alle afgjorte sager, der blev afgjort inden for deres sagstypes servicemål (pct.)";
        };
    }

    private String percentileText() {
        return percentile.stripTrailingZeros().toPlainString() + ". percentil";
    }
}
