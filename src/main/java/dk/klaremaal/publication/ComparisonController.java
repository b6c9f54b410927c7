package dk.klaremaal.publication;

import dk.klaremaal.catalogue.OrganisationKind;
import dk.klaremaal.catalogue.Region;
import dk.klaremaal.goals.GoalService;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Public comparison pages: the list of shared indicators, and one indicator across organisations. */
@Controller
class ComparisonController extends PageController {

    private final ComparisonService comparisons;
    private final GoalService goals;
    private final ComparisonChart chart;
    private final org.springframework.context.MessageSource messages;

    ComparisonController(ComparisonService comparisons, GoalService goals, ComparisonChart chart,
                         org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.chart = chart;
        this.comparisons = comparisons;
        this.goals = goals;
    }

    @GetMapping("/sammenligning")
    String index(Model model) {
        var keys = comparisons.keys();
        var titles = comparisons.titles();
        model.addAttribute("keys", keys.entrySet().stream()
                .map(e -> new Object[]{e.getKey(), goals.goalsWithKey(e.getKey()).getFirst(), e.getValue(), titles.get(e.getKey())})
                .toList());
        model.addAttribute("groups", comparisons.groups());
        return "comparisons";
    }

    @GetMapping("/sammenligning/{key}")
    String compare(@PathVariable String key, @RequestParam(required = false) String periode, @RequestParam(required = false) String art,
                   @RequestParam(required = false) String region, @RequestParam(required = false) String sortering,
                   @RequestParam(required = false) String retning, @RequestParam(required = false) String gruppe, Model model) {
        var filter = ComparisonService.Filter.of(art, region, sortering, retning, gruppe);
        var comparison = comparisons.compare(key, periode, filter);
        model.addAttribute("comparison", comparison);
        model.addAttribute("chart", chart.ranked(comparison));
        model.addAttribute("groups", comparisons.groups());
        model.addAttribute("baselineChange", baselineChange(comparison.example().baseline()));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", List.of(OrganisationKind.values()));
        model.addAttribute("regions", List.of(Region.values()));
        return "comparison";
    }

    /** "en tredjedel under" / "20 pct. over" / "1/4 under": how a target derived from a baseline differs from it. */
    private String baselineChange(dk.klaremaal.goals.Goal.Baseline b) {
        if (b == null || b.changeNumerator() == null || b.changeDenominator() == null) {
            return null;
        }
        java.math.BigDecimal num = b.changeNumerator().abs().stripTrailingZeros();
        java.math.BigDecimal den = b.changeDenominator().stripTrailingZeros();
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String amount;
        if (num.compareTo(java.math.BigDecimal.ONE) == 0 && den.compareTo(java.math.BigDecimal.valueOf(3)) == 0) {
            amount = messages.getMessage("comparison.change.third", null, locale);
        } else if (den.compareTo(java.math.BigDecimal.valueOf(100)) == 0) {
            amount = messages.getMessage("comparison.change.percent", new Object[]{num.toPlainString()}, locale);
        } else if (den.compareTo(java.math.BigDecimal.ONE) == 0) {
            amount = num.toPlainString();
        } else {
            amount = num.toPlainString() + "/" + den.toPlainString();
        }
        return messages.getMessage(b.changeNumerator().signum() < 0 ? "comparison.change.below" : "comparison.change.above",
                new Object[]{amount}, locale);
    }
}
