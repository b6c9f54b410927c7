package dk.klaremaal.publication;

import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.ScaleLevel;
import dk.klaremaal.measurement.GoalResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dk.klaremaal.platform.Markup;
import org.springframework.stereotype.Component;

/**
 * Server-rendered SVG charts of a goal's results: the trend over all periods with the target line
 * and the scale's levels as labelled bands, and a sparkline for lists. Only presentation attributes
 * are used (no style attributes), so the pages keep their strict content security policy. The
 * results table beside the chart carries the same data for screen readers.
 */
@Component("charts")
public class TrendChart {

    /**
     * The chart's geometry in its own units. A chart is scaled to the width of its box, so its text is only as large as
     * the box allows: the wide layout is shown on screens wider than 700 px (where 14 of its 720 units are at least 12 px), the narrow one,
     * with the levels named inside the plot and fewer period labels, below (13 of its 340 units are 12 px on a 314 px box).
     */
    private record Layout(String variant, int width, int height, int left, int right, int top, int bottom, int font, int periodLabels,
                          boolean levelLabelsInside) {
        String id(String name) {
            return variant.equals("wide") ? name : name + "-" + variant;
        }
    }

    private static final Layout WIDE = new Layout("wide", 720, 280, 60, 170, 16, 44, 14, 8, false);
    private static final Layout NARROW = new Layout("narrow", 340, 250, 46, 10, 16, 40, 13, 4, true);
    private static final String[] BAND_FILL = {"#e3f1d9", "#fff3cc", "#f6dcd8"};

    private final Presentation presentation;
    private final org.springframework.context.MessageSource messages;

    public TrendChart(Presentation presentation, org.springframework.context.MessageSource messages) {
        this.presentation = presentation;
        this.messages = messages;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, presentation.isEnglish() ? Locale.ENGLISH : dk.klaremaal.platform.LanguageConfiguration.DANISH);
    }

    /**
     * The trend chart for results given oldest first; empty when no period has a value. It is drawn twice, wide and
     * narrow, and the style sheet shows the one that fits the screen (the other is not displayed, so not read out).
     */
    public String trend(Goal goal, List<GoalResult> results) {
        List<GoalResult> measured = results.stream().filter(r -> r.value() != null).toList();
        if (measured.isEmpty()) {
            return "";
        }
        return trend(goal, results, measured, WIDE) + trend(goal, results, measured, NARROW);
    }

    private String trend(Goal goal, List<GoalResult> results, List<GoalResult> measured, Layout layout) {
        final int WIDTH = layout.width();
        final int HEIGHT = layout.height();
        final int LEFT = layout.left();
        final int RIGHT = layout.right();
        final int TOP = layout.top();
        final int BOTTOM = layout.bottom();
        final int font = layout.font();
        boolean onTarget = goal.scaleBasis() == Goal.ScaleBasis.PERCENT_OF_TARGET;
        double max = 0;
        double min = 0;
        for (GoalResult r : results) {
            if (r.value() != null) {
                max = Math.max(max, r.value().doubleValue());
            }
            if (r.target() != null) {
                max = Math.max(max, r.target().doubleValue());
            }
        }
        if (goal.indicator().valueUnit() == dk.klaremaal.goals.Indicator.ValueUnit.PERCENT && !onTarget) {
            max = 100;
        } else {
            for (ScaleLevel l : goal.scale().levels()) {
                for (var b : new dk.klaremaal.goals.Bound[]{l.lower(), l.upper()}) {
                    if (b != null && !onTarget && b.value().doubleValue() <= max * 1.5) {
                        max = Math.max(max, b.value().doubleValue());
                    }
                }
            }
            max = max == 0 ? 1 : niceCeiling(max * 1.1);
        }
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double lo = min;
        double hi = max;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH - (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) * plotH;
        int n = results.size();
        java.util.function.IntToDoubleFunction x = i -> LEFT + (n == 1 ? plotW / 2.0 : i * (double) plotW / (n - 1));

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-chart trend-chart--").append(layout.variant())
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(layout.id("trend-title")).append(' ').append(layout.id("trend-desc")).append("\">");
        svg.append("<title id=\"").append(layout.id("trend-title")).append("\">").append(Markup.escape((presentation.isEnglish() ? "Trend: " : "Udvikling: ") + goal.indicator().danishDescription())).append("</title>");
        svg.append("<desc id=\"").append(layout.id("trend-desc")).append("\">").append(Markup.escape(description(goal, measured, results))).append("</desc>");
        if (!onTarget) {
            int band = 0;
            for (ScaleLevel level : goal.scale().levels()) {
                double from = level.lower() == null ? lo : level.lower().value().doubleValue();
                double to = level.upper() == null ? hi : level.upper().value().doubleValue();
                if (to < lo || from > hi) {
                    band++;
                    continue;
                }
                double y1 = y.applyAsDouble(to);
                double y2 = y.applyAsDouble(from);
                String fill = BAND_FILL[Math.min(level.status().rank(), 2)];
                svg.append(rect(LEFT, y1, plotW, Math.max(0, y2 - y1), fill));
                if (layout.levelLabelsInside() && y2 - y1 >= font + 4) {
                    svg.append(text(LEFT + 4, y1 + font, level.displayLabel(), "start", "#1a1a1a", font));
                } else if (!layout.levelLabelsInside() && y2 - y1 >= font) {
                    svg.append(text(LEFT + plotW + 8, (y1 + y2) / 2 + font / 3.0, level.displayLabel(), "start", "#1a1a1a", font));
                }
                band++;
            }
        }
        for (int t = 0; t <= 4; t++) {
            double v = lo + (hi - lo) * t / 4;
            double yy = y.applyAsDouble(v);
            svg.append(line(LEFT, yy, LEFT + plotW, yy, "#bfbfbf", 1, null));
            svg.append(text(LEFT - 6, yy + font / 3.0, presentation.number(BigDecimal.valueOf(v).setScale(v < 10 ? 1 : 0, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros()), "end", "#454545", font));
        }
        List<double[]> targets = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GoalResult r = results.get(i);
            double xx = x.applyAsDouble(i);
            int every = Math.max(1, (n + layout.periodLabels() - 1) / layout.periodLabels());
            if (i % every == 0 && (i == n - 1 || n - 1 - i >= every) || i == n - 1) {
                svg.append(text(xx, HEIGHT - BOTTOM + font + 6, r.period().key(), n == 1 ? "middle" : i == 0 ? "start" : i == n - 1 ? "end" : "middle",
                        "#454545", font));
            }
            // The target each period's result carries: a fixed target, or one derived from a baseline.
            if (r.target() != null) {
                targets.add(new double[]{xx, y.applyAsDouble(r.target().doubleValue())});
            }
            if (r.value() != null) {
                points.add(new double[]{xx, y.applyAsDouble(r.value().doubleValue()), i});
            }
        }
        if (!targets.isEmpty()) {
            svg.append(polyline(targets, "#1a1a1a", 2, "6 4"));
            double[] first = targets.getFirst();
            svg.append(text(first[0] + 14, first[1] - 8, presentation.isEnglish() ? "Target" : "Målsætning", "start", "#1a1a1a", font));
        }
        // Ended periods are joined by a solid line with solid rings; a provisional (running) period's point is a dashed
        // ring reached by a dashed line, as its value can still change.
        List<double[]> ended = points.stream().filter(p -> !results.get((int) p[2]).provisional()).toList();
        if (ended.size() > 1) {
            svg.append(polyline(ended, "#0059b3", 3, null));
        }
        for (int k = 1; k < points.size(); k++) {
            double[] from = points.get(k - 1);
            double[] to = points.get(k);
            if (results.get((int) from[2]).provisional() || results.get((int) to[2]).provisional()) {
                svg.append(line(from[0], from[1], to[0], to[1], "#0059b3", 3, "6 4"));
            }
        }
        for (double[] p : points) {
            GoalResult r = results.get((int) p[2]);
            Presentation.StatusView status = presentation.status(goal, r);
            svg.append("<circle class=\"").append(r.provisional() ? "trend-point trend-point--provisional" : "trend-point").append("\" cx=\"")
                    .append(f(p[0])).append("\" cy=\"").append(f(p[1])).append("\" r=\"").append(f(font * 0.75))
                    .append("\" fill=\"#fff\" stroke=\"#0059b3\" stroke-width=\"2\"").append(r.provisional() ? " stroke-dasharray=\"3 2\"" : "").append(">")
                    .append("<title>").append(Markup.escape(r.period().label() + (r.provisional() ? " " + message("result.provisional") : "") + ": "
                            + presentation.value(r.value(), goal) + ", " + status.text()))
                    .append("</title></circle>");
            svg.append(text(p[0], p[1] + font / 3.0, status.symbol(), "middle", "#1a1a1a", font));
        }
        svg.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#1a1a1a", 1, null));
        svg.append("</svg>");
        return svg.toString();
    }

    /** A small line of the measured values, for lists; empty with fewer than two values. */
    public String sparkline(List<GoalResult> results) {
        List<GoalResult> measured = results.stream().filter(r -> r.value() != null).toList();
        if (measured.size() < 2) {
            return "";
        }
        double min = measured.stream().mapToDouble(r -> r.value().doubleValue()).min().orElse(0);
        double max = measured.stream().mapToDouble(r -> r.value().doubleValue()).max().orElse(1);
        double span = max - min == 0 ? 1 : max - min;
        int w = 96;
        int h = 24;
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            points.add(new double[]{2 + i * (w - 4.0) / (measured.size() - 1), h - 3 - (measured.get(i).value().doubleValue() - min) / span * (h - 6)});
        }
        double[] last = points.getLast();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h
                + "\" aria-hidden=\"true\" focusable=\"false\">" + polyline(points, "#0059b3", 2, null)
                + "<circle cx=\"" + f(last[0]) + "\" cy=\"" + f(last[1]) + "\" r=\"3\" fill=\"#0059b3\"/></svg>";
    }

    private String description(Goal goal, List<GoalResult> measured, List<GoalResult> results) {
        GoalResult first = measured.getFirst();
        GoalResult last = measured.getLast();
        String text;
        if (presentation.isEnglish()) {
            text = "From " + presentation.value(first.value(), goal) + " in " + first.period().label() + " to "
                    + presentation.value(last.value(), goal) + " in " + last.period().label() + ". The figures are in the table below.";
        } else {
            text = "Fra " + presentation.value(first.value(), goal) + " i " + first.period().label() + " til "
                    + presentation.value(last.value(), goal) + " i " + last.period().label() + ". Tallene står i tabellen nedenfor.";
        }
        List<GoalResult> targets = results.stream().filter(r -> r.target() != null).toList();
        if (!targets.isEmpty()) {
            GoalResult t = targets.getLast();
            text += " " + message("trend.desc.target", presentation.target(t.target(), goal), t.period().label());
        }
        for (GoalResult r : measured) {
            if (r.provisional()) {
                text += " " + message("trend.desc.provisional", r.period().label());
            }
        }
        return text;
    }

    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return "<rect x=\"" + f(x) + "\" y=\"" + f(y) + "\" width=\"" + f(w) + "\" height=\"" + f(h) + "\" fill=\"" + fill + "\"/>";
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2) + "\" stroke=\"" + stroke
                + "\" stroke-width=\"" + f(width) + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String polyline(List<double[]> points, String stroke, double width, String dash) {
        StringBuilder p = new StringBuilder();
        for (double[] pt : points) {
            p.append(p.isEmpty() ? "" : " ").append(f(pt[0])).append(',').append(f(pt[1]));
        }
        return "<polyline points=\"" + p + "\" fill=\"none\" stroke=\"" + stroke + "\" stroke-width=\"" + f(width) + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(double x, double y, String s, String anchor, String fill, int size) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + fill + "\" font-size=\"" + size + "\">"
                + Markup.escape(s) + "</text>";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }


}
