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

    ComparisonController(ComparisonService comparisons, GoalService goals) {
        this.comparisons = comparisons;
        this.goals = goals;
    }

    @GetMapping("/sammenligning")
    String index(Model model) {
        var keys = comparisons.keys();
        model.addAttribute("keys", keys.entrySet().stream()
                .map(e -> new Object[]{e.getKey(), goals.goalsWithKey(e.getKey()).getFirst(), e.getValue()}).toList());
        return "comparisons";
    }

    @GetMapping("/sammenligning/{key}")
    String compare(@PathVariable String key, @RequestParam(required = false) String periode, @RequestParam(required = false) String art,
                   @RequestParam(required = false) String region, @RequestParam(defaultValue = "value") String sortering,
                   @RequestParam(defaultValue = "asc") String retning, Model model) {
        var filter = new ComparisonService.Filter(art, region, sortering, retning.equals("desc"));
        model.addAttribute("comparison", comparisons.compare(key, periode, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", List.of(OrganisationKind.values()));
        model.addAttribute("regions", List.of(Region.values()));
        return "comparison";
    }
}
