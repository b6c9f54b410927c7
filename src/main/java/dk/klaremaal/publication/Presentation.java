package dk.klaremaal.publication;

import dk.klaremaal.goals.Bound;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.Scale;
import dk.klaremaal.goals.ScaleKind;
import dk.klaremaal.goals.ScaleLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How values and statuses read on the Danish pages. Used from the templates as {@code @presentation}. */
@Component("presentation")
public class Presentation {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    /** A status as symbol, text and style: the text and the shape carry the meaning, the colour only repeats it. */
    public record StatusView(String symbol, String text, String cssClass) {
    }

    public static final StatusView NOT_MEASURED = new StatusView("○", "Ikke målt", "status--none");

    public StatusView status(Scale scale, ScaleLevel level) {
        if (level == null) {
            return NOT_MEASURED;
        }
        if (scale.kind() == ScaleKind.BINARY) {
            return level.status().rank() == 0
                    ? new StatusView("✓", level.danishLabel(), "status--good")
                    : new StatusView("−", level.danishLabel(), "status--bad");
        }
        return switch (level.status().rank()) {
            case 0 -> new StatusView("●", level.danishLabel(), "status--good");
            case 1 -> new StatusView("▲", level.danishLabel(), "status--middle");
            default -> new StatusView("■", level.danishLabel(), "status--bad");
        };
    }

    /** One decimal, Danish separators: "15,3 dage", "82,5 pct.". */
    public String value(BigDecimal value, Indicator indicator) {
        if (value == null) {
            return "–";
        }
        DecimalFormat oneDecimal = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(DANISH));
        return oneDecimal.format(value.setScale(1, RoundingMode.HALF_UP)) + " " + unit(indicator);
    }

    public String target(BigDecimal value, Indicator indicator) {
        return value == null ? "–" : number(value) + " " + unit(indicator);
    }

    public String unit(Indicator indicator) {
        return switch (indicator.valueUnit()) {
            case PERCENT -> "pct.";
            case WEEKS -> "uger";
            case DAYS -> indicator.dayUnit() == Indicator.DayUnit.WORKING ? "arbejdsdage" : "dage";
        };
    }

    /** A level's range in words, e.g. "mindst 75 og under 80 pct.", leaving out the natural ends 0 and 100 %. */
    public String range(ScaleLevel level, Indicator indicator) {
        Scale.Domain domain = indicator.domain();
        Bound lower = sameBound(level.lower(), domain.lower()) ? null : level.lower();
        Bound upper = sameBound(level.upper(), domain.upper()) ? null : level.upper();
        String low = lower == null ? null : (lower.inclusive() ? "mindst " : "over ") + number(lower.value());
        String high = upper == null ? null : (upper.inclusive() ? "højst " : "under ") + number(upper.value());
        String words = low == null && high == null ? "alle værdier" : low == null ? high : high == null ? low : low + " og " + high;
        return words + " " + unit(indicator);
    }

    public String number(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(DANISH));
        return format.format(value);
    }

    private static boolean sameBound(Bound a, Bound b) {
        return a != null && b != null && a.inclusive() == b.inclusive() && a.value().compareTo(b.value()) == 0;
    }
}
