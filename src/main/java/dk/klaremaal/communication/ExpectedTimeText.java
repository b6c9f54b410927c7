package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.goals.Indicator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The expected time in words, from the message bundles ({@code expected.*}), in the reader's language
 * (the page's, or the letter's): the days ("12 dage", "5 working days") and where the figure comes from,
 * with dates written out ("4. september 2026", "4 September 2026"). Used from the templates as
 * {@code @expectedTimeText}.
 */
@Component("expectedTimeText")
public class ExpectedTimeText {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final MessageSource messages;
    private final CatalogueRepository catalogue;

    ExpectedTimeText(MessageSource messages, CatalogueRepository catalogue) {
        this.messages = messages;
        this.catalogue = catalogue;
    }

    /**
     * A number of cases as it may be published: null when the case type is sensitive and the number is below
     * {@link CaseType#FEWEST_PUBLISHED} (a count of so few cases of persons is not published, not even as a basis).
     */
    public Long shownCount(ExpectedTime e, long cases) {
        return cases < CaseType.FEWEST_PUBLISHED && catalogue.sensitive(e.caseTypeId()) ? null : cases;
    }

    /** A number of cases in words for a sentence: "3", or for a sensitive case type "færre end 5". */
    String count(ExpectedTime e, long cases, Locale locale) {
        Long shown = shownCount(e, cases);
        return shown == null ? message("expected.fewerThan", locale, String.valueOf(CaseType.FEWEST_PUBLISHED))
                : java.text.NumberFormat.getIntegerInstance(locale).format(shown);
    }

    public String days(ExpectedTime e) {
        return days(e, locale());
    }

    /** "12 dage" / "1 arbejdsdag" / "ukendt". */
    public String days(ExpectedTime e, Locale locale) {
        if (!e.known()) {
            return message("expected.days.unknown", locale);
        }
        return days(e.days(), e.dayUnit(), locale);
    }

    static String unitKey(Indicator.DayUnit unit, long count) {
        return "expected." + (unit == Indicator.DayUnit.WORKING ? "workingDays" : "days") + (count == 1 ? ".one" : ".many");
    }

    String days(long count, Indicator.DayUnit unit, Locale locale) {
        return message(unitKey(unit, count), locale, String.valueOf(count));
    }

    public String explanation(ExpectedTime e) {
        return explanation(e, locale());
    }

    /** Where the figure comes from, as a sentence or two. */
    public String explanation(ExpectedTime e, Locale locale) {
        String share = number(e.share(), locale);
        return switch (e.basis()) {
            case MEASURED -> message("expected.explanation.measured", locale, share, count(e, e.cases(), locale), date(e.windowFrom(), locale),
                    date(e.windowTo(), locale), days(e, locale));
            case EARLIER -> message("expected.explanation.earlier", locale, e.windowDays(), count(e, e.cases(), locale), share,
                    count(e, e.earlierCases(), locale),
                    date(e.earlierFrom(), locale), date(e.windowTo(), locale), days(e, locale));
            case GOAL -> message(e.goalTarget() != null && e.goalTarget().compareTo(BigDecimal.valueOf(e.days())) != 0
                            ? "expected.explanation.goalRounded" : "expected.explanation.goal", locale, e.earlierWindowDays(),
                    count(e, e.earlierCases(), locale), target(e, locale), days(e, locale));
            case SERVICE_GOAL -> message("expected.explanation.serviceGoal", locale, e.earlierWindowDays(), count(e, e.earlierCases(), locale),
                    days(e, locale));
            case STATED -> message("expected.explanation.stated", locale, e.earlierWindowDays(), count(e, e.earlierCases(), locale),
                    date(e.statedOn(), locale), days(e, locale));
            case NONE -> message("expected.explanation.none", locale, e.earlierWindowDays(), count(e, e.earlierCases(), locale));
        };
    }

    public String source(ExpectedTime e) {
        return source(e, locale());
    }

    /** The source in a few words, for a screen: "80 pct. af sagerne de seneste 90 dage", "målet for sagstypen". */
    public String source(ExpectedTime e, Locale locale) {
        String share = number(e.share(), locale);
        return switch (e.basis()) {
            case MEASURED -> message("expected.source.measured", locale, share, e.windowDays());
            case EARLIER -> message("expected.source.earlier", locale, share, e.earlierWindowDays());
            case GOAL -> message("expected.source.goal", locale, target(e, locale));
            case SERVICE_GOAL -> message("expected.source.serviceGoal", locale, days(e, locale));
            case STATED -> message("expected.source.stated", locale, date(e.statedOn(), locale));
            case NONE -> message("expected.source.none", locale);
        };
    }

    /** The goal's exact target in its days: "22,9 dage". */
    private String target(ExpectedTime e, Locale locale) {
        BigDecimal t = e.goalTarget() == null ? BigDecimal.valueOf(e.days()) : e.goalTarget();
        BigDecimal shown = t.stripTrailingZeros().scale() <= 0 ? t.setScale(0, RoundingMode.UNNECESSARY) : t.setScale(1, RoundingMode.HALF_UP);
        String number = number(shown, locale);
        return message(unitKey(e.dayUnit(), shown.compareTo(BigDecimal.ONE) == 0 ? 1 : 2), locale, number);
    }

    /** A day written out in the language: "4. september 2026" or "4 September 2026". */
    public static String date(LocalDate day, Locale locale) {
        if (day == null) {
            return "";
        }
        return english(locale) ? DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(day)
                : DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH).format(day);
    }

    private static String number(BigDecimal value, Locale locale) {
        BigDecimal v = value.stripTrailingZeros();
        int decimals = Math.max(v.scale(), 0);
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(english(locale) ? Locale.UK : Locale.forLanguageTag("da-DK")));
        return format.format(v);
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
