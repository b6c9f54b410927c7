package dk.klaremaal.publication;

import dk.klaremaal.goals.Bound;
import dk.klaremaal.platform.LanguageConfiguration;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.IndicatorKind;
import dk.klaremaal.goals.Scale;
import dk.klaremaal.goals.ScaleLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** How values and statuses read on the Danish pages. Used from the templates as {@code @presentation}. */
@Component("presentation")
public class Presentation {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    public boolean isEnglish() {
        return english();
    }

    private static boolean english() {
        return dk.klaremaal.platform.LanguageConfiguration.english();
    }

    private static DecimalFormatSymbols symbols() {
        return DecimalFormatSymbols.getInstance(english() ? Locale.UK : DANISH);
    }

    /** A status as symbol, text and style: the text and the shape carry the meaning, the colour only repeats it. */
    public record StatusView(String symbol, String text, String cssClass) {
    }

    public static final StatusView NOT_MEASURED = new StatusView("○", "Ikke målt", "status--none");
    public static final StatusView NOT_MEASURED_EN = new StatusView("○", "Not measured", "status--none");

    private final org.springframework.context.MessageSource messages;

    Presentation(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The one symbol of each status, on every page and in every outlet: a status reads the same wherever it is
     * shown (✓ is "opfyldt" on goal pages and plan pages alike). Binary scales show ✓ / −; three-level scales a
     * shape per level.
     */
    public static String symbol(dk.klaremaal.goals.Status status) {
        return status.symbol();
    }

    /** The one symbol of each reason a period is not assessed. */
    public static String symbol(dk.klaremaal.measurement.GoalResult.Standing standing) {
        return switch (standing) {
            case ASSESSED, NOT_MEASURED -> "○";
            case TOO_FEW -> "◌";
            case NO_TARGET -> "◇";
            case BASELINE -> "◎";
            case WITHHELD -> "⊘";
        };
    }

    /** The symbol of a latest result with no new data since. */
    public static final String STALE_SYMBOL = "◷";

    private static String css(dk.klaremaal.goals.Status status) {
        return switch (status.rank()) {
            case 0 -> "status--good";
            case 1 -> "status--middle";
            default -> "status--bad";
        };
    }

    private static StatusView view(dk.klaremaal.goals.Status status, String text) {
        return new StatusView(symbol(status), text, css(status));
    }

    public StatusView status(Scale scale, ScaleLevel level) {
        if (level == null) {
            return english() ? NOT_MEASURED_EN : NOT_MEASURED;
        }
        return view(level.status(), level.displayLabel());
    }

    /** A period's status as its own row shows it: its level, or why it has none. */
    public StatusView status(Goal goal, dk.klaremaal.measurement.GoalResult result) {
        if (result == null) {
            return standing(dk.klaremaal.measurement.GoalResult.Standing.NOT_MEASURED);
        }
        if (result.level() != null) {
            return status(goal.scale(), result.level());
        }
        return standing(result.standing() == null ? dk.klaremaal.measurement.GoalResult.Standing.NOT_MEASURED : result.standing());
    }

    /**
     * The latest result's status where it is shown as the goal's current one (organisation page, screen, embed):
     * as {@link #status(Goal, dk.klaremaal.measurement.GoalResult)}, or "ingen nye data siden …" when it is stale.
     */
    public StatusView current(Goal goal, dk.klaremaal.measurement.GoalResult result) {
        if (result != null && result.noNewDataSince() != null) {
            return new StatusView(STALE_SYMBOL, message("status.noNewDataSince", longDate(result.noNewDataSince())), "status--none");
        }
        return status(goal, result);
    }

    private StatusView standing(dk.klaremaal.measurement.GoalResult.Standing standing) {
        return new StatusView(symbol(standing), message("status." + standing.code()), "status--none");
    }

    /** A result's value in its unit, or where it is withheld, why: "færre end 5 sager – ikke offentliggjort". */
    public String value(dk.klaremaal.measurement.GoalResult result, Goal goal) {
        if (result == null) {
            return "–";
        }
        return result.withheld() ? message("status.withheld") : value(result.value(), goal);
    }

    /** A result's year to date, or why it is withheld. */
    public String yearToDate(dk.klaremaal.measurement.GoalResult result, Goal goal) {
        return result.withheld() ? message("status.withheld") : value(result.yearToDate(), goal);
    }

    /** What a result rests on: its number of observations, or "færre end 5" where that is withheld. */
    public String basis(dk.klaremaal.measurement.GoalResult result) {
        if (result == null) {
            return "0";
        }
        return result.observations() == null ? message("status.fewerThan", dk.klaremaal.catalogue.CaseType.FEWEST_PUBLISHED)
                : number(BigDecimal.valueOf(result.observations()));
    }

    /** A day as Danish or English text: "4. september 2026", "4 September 2026". */
    public String longDate(java.time.LocalDate day) {
        return day == null ? "" : day.format(english() ? java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                : java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, english() ? Locale.ENGLISH : dk.klaremaal.platform.LanguageConfiguration.DANISH);
    }

    /** A text of the Danish bundle, for open data and the API whose texts are Danish. */
    public String danish(String key, Object... arguments) {
        return messages.getMessage(key, arguments, dk.klaremaal.platform.LanguageConfiguration.DANISH);
    }

    /** An assessment on the opfyldt / delvist opfyldt / ikke opfyldt scale (a plan goal's), or none yet. */
    public StatusView fulfilment(dk.klaremaal.goals.Status status) {
        if (status == null) {
            return english() ? NOT_MEASURED_EN : NOT_MEASURED;
        }
        return view(status, english() ? status.english() : status.danish());
    }

    /**
     * A result with Danish separators and its unit: "15,3 dage", "82,5 pct.", "3,832 point", "4 mistede opkald".
     * It shows as many decimals as the goal's scale and targets use (at least one; none for counts), so
     * a value is never rounded onto a boundary it does not reach.
     */
    public String value(BigDecimal value, Goal goal) {
        if (value == null) {
            return "–";
        }
        return (fixed(value, shownDecimals(value, goal)) + " " + unit(goal.indicator())).trim();
    }

    /**
     * The goal's decimals, or more where rounding would carry the value onto or across a bound of the
     * scale or a target: a mean of 3.753 against a target of 3.8 shows as 3,75, not 3,8.
     */
    static int shownDecimals(BigDecimal value, Goal goal) {
        java.util.List<BigDecimal> bounds = Stream.concat(
                goal.scaleBasis() == Goal.ScaleBasis.ABSOLUTE ? goal.scale().levels().stream()
                        .flatMap(l -> Stream.of(l.lower(), l.upper())).filter(b -> b != null).map(Bound::value) : Stream.<BigDecimal>empty(),
                goal.targets().values().stream()).toList();
        int decimals = decimals(goal);
        while (decimals < 6 && crosses(value, value.setScale(decimals, RoundingMode.HALF_UP), bounds)) {
            decimals++;
        }
        return decimals;
    }

    private static boolean crosses(BigDecimal value, BigDecimal rounded, java.util.List<BigDecimal> bounds) {
        return bounds.stream().anyMatch(b -> Integer.signum(value.compareTo(b)) != Integer.signum(rounded.compareTo(b)));
    }

    /** The second value of a compound goal, in percent. */
    public String secondary(BigDecimal value, Goal goal) {
        return value == null ? "–" : fixed(value, decimals(goal)) + (english() ? " %" : " pct.");
    }

    private static String fixed(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                symbols());
        return format.format(value.setScale(decimals, RoundingMode.HALF_UP));
    }

    /**
     * The change from the previous measured period to the latest, with its sign: "+2,3 dage",
     * "−1,5 pct.-point" (percentages change in points); empty with fewer than two measured periods.
     */
    public String change(java.util.List<dk.klaremaal.measurement.GoalResult> results, Goal goal) {
        java.util.List<dk.klaremaal.measurement.GoalResult> measured = results.stream()
                .filter(dk.klaremaal.measurement.GoalResult::measured).toList();
        if (measured.size() < 2 || measured.getLast().withheld() || measured.get(measured.size() - 2).withheld()) {
            return "";
        }
        BigDecimal difference = measured.getLast().value().subtract(measured.get(measured.size() - 2).value());
        String unit = goal.indicator().valueUnit() == Indicator.ValueUnit.PERCENT ? (english() ? "percentage points" : "pct.-point")
                : unit(goal.indicator());
        String sign = difference.signum() > 0 ? "+" : difference.signum() < 0 ? "−" : "±";
        return (sign + fixed(difference.abs(), decimals(goal)) + " " + unit).trim();
    }

    /** The targets of a goal in period order: "2024: 15 dage, 2025: 12 dage". */
    public String targets(Goal goal) {
        return goal.targets().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey().label() + ": " + target(e.getValue(), goal)).collect(java.util.stream.Collectors.joining(", "));
    }

    /** A moment as its date in Copenhagen, in the page's language: "1. marts 2025", "1 March 2025". */
    public String date(java.time.Instant instant) {
        return instant == null ? "" : day(instant.atZone(dk.klaremaal.platform.TimeConfiguration.ZONE).toLocalDate());
    }

    /** A day in the page's language: "4. september 2026", "4 September 2026". */
    public String day(java.time.LocalDate date) {
        return date == null ? "" : dk.klaremaal.platform.Dates.day(date, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** A moment as date and time of day in Copenhagen, in the page's language: "4. september 2026 kl. 02:34". */
    public String dateTime(java.time.Instant instant) {
        return instant == null ? "" : dk.klaremaal.platform.Dates.dateTime(instant, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    public String percentOfTarget(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        return fixed(value, 1) + (english() ? " % of the target" : " pct. af målsætningen");
    }

    public String target(BigDecimal value, Goal goal) {
        return value == null ? "–" : (number(value.setScale(Math.max(decimals(goal), 0), RoundingMode.HALF_UP).stripTrailingZeros())
                + " " + unit(goal.indicator())).trim();
    }

    static int decimals(Goal goal) {
        boolean counts = goal.indicator().valueUnit() == Indicator.ValueUnit.COUNT;
        int fromScale = Stream.concat(goal.scale().levels().stream(),
                        goal.secondaryScale() == null ? Stream.empty() : goal.secondaryScale().levels().stream())
                .flatMap(l -> Stream.of(l.lower(), l.upper()))
                .filter(b -> b != null)
                .mapToInt(b -> Math.max(b.value().stripTrailingZeros().scale(), 0))
                .max().orElse(0);
        int fromTargets = goal.scaleBasis() == Goal.ScaleBasis.ABSOLUTE
                ? goal.targets().values().stream().mapToInt(t -> Math.max(t.stripTrailingZeros().scale(), 0)).max().orElse(0) : 0;
        return Math.max(counts ? 0 : 1, Math.max(fromScale, fromTargets));
    }

    public String unit(Indicator indicator) {
        boolean en = english();
        return switch (indicator.valueUnit()) {
            case PERCENT -> en ? "%" : "pct.";
            case WEEKS -> en ? "weeks" : "uger";
            case DAYS -> indicator.dayUnit() == Indicator.DayUnit.WORKING ? (en ? "working days" : "arbejdsdage") : (en ? "days" : "dage");
            case SECONDS -> en ? "seconds" : "sekunder";
            case SCORE -> en ? "points" : "point";
            case HOURS -> en ? "hours" : "timer";
            case COUNT -> indicator.kind() == IndicatorKind.CONTACTS ? (en ? "missed" : "ubesvarede") : "";
            case NUMBER -> "";
        };
    }

    /** What the observations behind a result are called. */
    public String observations(Indicator indicator) {
        boolean en = english();
        return switch (indicator.kind()) {
            case PROCESSING_TIME, SERVICE_GOAL -> en ? "Cases decided" : "Afgjorte sager";
            case CONTACTS -> switch (indicator.statistic()) {
                case MEAN, MEDIAN, PERCENTILE, SHARE_OUTCOME -> en ? "Contacts answered" : "Besvarede henvendelser";
                default -> en ? "Contacts" : "Henvendelser";
            };
            case SATISFACTION -> en ? "Respondents" : "Besvarelser";
            case AVAILABILITY -> en ? "Records" : "Registreringer";
            case COUNT -> en ? "Basis" : "Grundlag";
            case RATIO -> en ? "Denominator" : "Nævner";
            case REPORTED -> en ? "Reports" : "Indberetninger";
            case MILESTONES -> en ? "Milestones due" : "Milepæle med frist";
        };
    }

    /** A level's range in words, e.g. "mindst 75 og under 80 pct.", leaving out the natural ends 0 and 100 %. */
    public String range(ScaleLevel level, Goal goal, boolean secondary) {
        Scale.Domain domain = secondary ? Scale.Domain.PERCENT
                : goal.scaleBasis() == Goal.ScaleBasis.PERCENT_OF_TARGET ? Scale.Domain.NON_NEGATIVE : goal.indicator().domain();
        boolean en = english();
        String unit = secondary ? (en ? "%" : "pct.") : goal.scaleBasis() == Goal.ScaleBasis.PERCENT_OF_TARGET
                ? (en ? "% of the target" : "pct. af målsætningen")
                : unit(goal.indicator());
        Bound lower = sameBound(level.lower(), domain.lower()) ? null : level.lower();
        Bound upper = sameBound(level.upper(), domain.upper()) ? null : level.upper();
        String low = lower == null ? null : (lower.inclusive() ? (en ? "at least " : "mindst ") : (en ? "above " : "over ")) + number(lower.value());
        String high = upper == null ? null : (upper.inclusive() ? (en ? "at most " : "højst ") : (en ? "below " : "under ")) + number(upper.value());
        if (lower != null && upper != null && lower.inclusive() && upper.inclusive() && lower.value().compareTo(upper.value()) == 0) {
            return ((en ? "exactly " : "præcis ") + number(lower.value()) + " " + unit).trim();
        }
        String words = low == null && high == null ? (en ? "all values" : "alle værdier") : low == null ? high : high == null ? low
                : low + (en ? " and " : " og ") + high;
        return (words + " " + unit).trim();
    }

    public String number(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##########", symbols());
        return format.format(value);
    }

    private static boolean sameBound(Bound a, Bound b) {
        return a != null && b != null && a.inclusive() == b.inclusive() && a.value().compareTo(b.value()) == 0;
    }
}
