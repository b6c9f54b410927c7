package dk.klaremaal.publication;

import dk.klaremaal.platform.Markup;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The comparison as a ranked dot chart, rendered on the server as SVG: one line per organisation with
 * a value, best first, its value as a dot whose shape and symbol say its status, and its own target
 * as an upright bar. Horizontal positions are percentages and sizes are CSS pixels (there is no
 * viewBox), so the text stays 12 px at any width, a phone's too. Only presentation attributes are
 * used (the pages' content security policy forbids style attributes). The table beside the chart holds
 * the same figures for screen readers; the chart's title and description say so.
 */
@Component
public class ComparisonChart {

    static final int FONT = 12;
    private static final int ROW = 22;
    private static final int TOP = 30;
    /** Where the plot starts and ends, as percentages of the width; names to the left, the status symbol to the right. */
    private static final double PLOT_LEFT = 52;
    private static final double PLOT_RIGHT = 92;

    private final Presentation presentation;
    private final MessageSource messages;

    ComparisonChart(Presentation presentation, MessageSource messages) {
        this.presentation = presentation;
        this.messages = messages;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** The chart, or the empty string when no organisation has a value. */
    public String ranked(ComparisonService.Comparison c) {
        List<ComparisonService.Row> rows = c.rows().stream().filter(r -> r.value() != null)
                .sorted(Comparator.comparing(ComparisonService.Row::rank).thenComparing(r -> r.organisation().name(),
                        java.text.Collator.getInstance(Locale.forLanguageTag("da"))))
                .toList();
        if (rows.isEmpty()) {
            return "";
        }
        double max = 0;
        for (ComparisonService.Row r : rows) {
            max = Math.max(max, r.value().doubleValue());
            if (r.target() != null) {
                max = Math.max(max, r.target().doubleValue());
            }
        }
        max = niceCeiling(max);
        int height = TOP + rows.size() * ROW + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"comparison-chart\" width=\"100%\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"comparison-chart-title comparison-chart-desc\" font-family=\"inherit\" font-size=\"")
                .append(FONT).append("\">");
        svg.append("<title id=\"comparison-chart-title\">").append(Markup.escape(msg("comparison.chart.title", c.title()))).append("</title>");
        svg.append("<desc id=\"comparison-chart-desc\">").append(Markup.escape(msg("comparison.chart.desc", rows.size()))).append("</desc>");
        // The axis: grid lines at 0, half and the maximum; labels at 0 and the maximum only, so that they never overlap on a phone.
        for (double f : new double[]{0, 0.5, 1}) {
            double x = PLOT_LEFT + f * (PLOT_RIGHT - PLOT_LEFT);
            svg.append(line(x, TOP - 6, x, height - 8, "#b0b0b0", "1", f == 0 ? null : "2 3"));
            if (f != 0.5) {
                svg.append(text(x, TOP - 12, f == 0 ? "start" : "end", presentation.target(BigDecimal.valueOf(max * f), c.example()), "#1a1a1a"));
            }
        }
        int i = 0;
        for (ComparisonService.Row r : rows) {
            double y = TOP + i * ROW + ROW / 2.0;
            boolean met = r.result().level() != null && r.result().level().status().rank() == 0;
            boolean assessed = r.result().level() != null;
            Presentation.StatusView status = presentation.status(r.goal(), r.result());
            svg.append("<g>");
            svg.append("<title>").append(Markup.escape(msg("comparison.chart.row", r.rank(), r.organisation().name(),
                    presentation.value(r.value(), r.goal()), r.target() == null ? msg("comparison.noTarget") : presentation.value(r.target(), r.goal()),
                    status.text()))).append("</title>");
            svg.append(text(0, y + 4, "start", r.rank() + ". " + r.organisation().name(), "#1a1a1a"));
            svg.append(line(PLOT_LEFT, y, PLOT_RIGHT, y, "#e6e6e6", "1", null));
            if (r.target() != null) {
                double tx = x(r.target().doubleValue(), max);
                svg.append("<line x1=\"").append(p(tx)).append("\" y1=\"").append(f(y - 8)).append("\" x2=\"").append(p(tx)).append("\" y2=\"")
                        .append(f(y + 8)).append("\" stroke=\"#1a1a1a\" stroke-width=\"3\" class=\"comparison-chart__target\"/>");
            }
            double vx = x(r.value().doubleValue(), max);
            if (met) {
                svg.append("<circle cx=\"").append(p(vx)).append("\" cy=\"").append(f(y)).append("\" r=\"6\" fill=\"#358000\" stroke=\"#1a1a1a\""
                        + " class=\"comparison-chart__value\"/>");
            } else {
                // Not met (or not assessed): a hollow square, so the shape tells it apart without colour.
                svg.append("<rect x=\"").append(p(vx)).append("\" y=\"").append(f(y - 5)).append("\" width=\"10\" height=\"10\" transform=\"translate(-5 0)\""
                        + " fill=\"#ffffff\" stroke=\"").append(assessed ? "#b51d09" : "#1a1a1a").append("\" stroke-width=\"2\" class=\"comparison-chart__value\"/>");
            }
            svg.append(text(100, y + 4, "end", status.symbol(), "#1a1a1a"));
            svg.append("</g>");
            i++;
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** A round maximum at or above the largest value: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten, so the dots use most of the width. */
    static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static double x(double value, double max) {
        return PLOT_LEFT + value / max * (PLOT_RIGHT - PLOT_LEFT);
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, String width, String dash) {
        return "<line x1=\"" + p(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + p(x2) + "\" y2=\"" + f(y2) + "\" stroke=\"" + stroke
                + "\" stroke-width=\"" + width + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(double x, double y, String anchor, String s, String fill) {
        return "<text x=\"" + p(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + fill + "\" font-size=\"" + FONT + "\">"
                + Markup.escape(s) + "</text>";
    }

    /** A percentage of the width. */
    private static String p(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
