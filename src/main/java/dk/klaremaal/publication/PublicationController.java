package dk.klaremaal.publication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ResultService;
import dk.klaremaal.platform.NotFoundException;
import dk.klaremaal.platform.RequestUrls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The public pages: organisations, their goals, and each goal's results. */
@Controller
class PublicationController extends PageController {

    /** An organisation placed in the tree, for the front page. */
    record TreeEntry(Organisation organisation, int depth) {
    }

    record GoalSummary(Goal goal, CaseType caseType, List<GoalResult> results) {
        public Optional<GoalResult> latest() {
            return results.reversed().stream().filter(GoalResult::measured).findFirst();
        }
    }

    private final CatalogueService catalogue;
    private final GoalService goals;
    private final ResultService results;

    private final GoalSource sources;
    private final java.time.Clock clock;
    private final dk.klaremaal.communication.ExpectedTimeService expectedTimes;

    private final dk.klaremaal.plans.PlanService plans;
    private final FrontPage frontPage;

    PublicationController(CatalogueService catalogue, GoalService goals, ResultService results, GoalSource sources,
                          dk.klaremaal.communication.ExpectedTimeService expectedTimes, dk.klaremaal.plans.PlanService plans,
                          java.time.Clock clock, FrontPage frontPage) {
        this.frontPage = frontPage;
        this.clock = clock;
        this.plans = plans;
        this.expectedTimes = expectedTimes;
        this.sources = sources;
        this.catalogue = catalogue;
        this.goals = goals;
        this.results = results;
    }

    /**
     * The front page: {@code ?q=} searches organisation, service and case-type names; {@code art} and {@code region}
     * filter by kind and region. A value that is not one of them is a 400 naming the parameter.
     */
    @GetMapping("/")
    String front(@RequestParam(required = false) String q, @RequestParam(required = false) String art,
                 @RequestParam(required = false) String region, Model model) {
        model.addAttribute("front", frontPage.view(FrontPage.query(q, art, region)));
        model.addAttribute("kinds", List.of(dk.klaremaal.catalogue.OrganisationKind.values()));
        model.addAttribute("regions", List.of(dk.klaremaal.catalogue.Region.values()));
        return "front";
    }

    @GetMapping("/organisationer/{slug}")
    String organisation(@PathVariable String slug, Model model) {
        Organisation organisation = catalogue.organisation(slug);
        Map<Long, CaseType> caseTypes = catalogue.caseTypes(organisation).stream()
                .collect(Collectors.toMap(CaseType::id, Function.identity()));
        List<GoalSummary> summaries = goals.goalsOf(organisation).stream()
                .map(g -> new GoalSummary(g, g.caseTypeId() == null ? null : caseTypes.get(g.caseTypeId()), results.results(g)))
                .toList();
        List<Organisation> all = catalogue.organisations();
        model.addAttribute("organisation", organisation);
        model.addAttribute("parent", all.stream().filter(o -> organisation.parentId() != null && o.id() == organisation.parentId())
                .findFirst().orElse(null));
        model.addAttribute("children", all.stream().filter(o -> o.parentId() != null && o.parentId() == organisation.id()).toList());
        model.addAttribute("goals", summaries);
        model.addAttribute("hasCaseTypes", !caseTypes.isEmpty());
        model.addAttribute("reportPeriods", reportPeriods());
        model.addAttribute("planYears", plans.years(organisation));
        return "organisation";
    }

    /** The last two whole years and the last four whole quarters. */
    private List<dk.klaremaal.goals.Period> reportPeriods() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        List<dk.klaremaal.goals.Period> periods = new ArrayList<>();
        dk.klaremaal.goals.Period year = dk.klaremaal.goals.Period.containing(dk.klaremaal.goals.PeriodKind.YEAR, today.minusYears(1));
        periods.add(year);
        periods.add(dk.klaremaal.goals.Period.containing(dk.klaremaal.goals.PeriodKind.YEAR, today.minusYears(2)));
        dk.klaremaal.goals.Period quarter = dk.klaremaal.goals.Period.containing(dk.klaremaal.goals.PeriodKind.QUARTER, today.minusMonths(3));
        for (int i = 0; i < 4; i++) {
            periods.add(quarter);
            quarter = dk.klaremaal.goals.Period.containing(dk.klaremaal.goals.PeriodKind.QUARTER, quarter.start().minusDays(1));
        }
        return periods;
    }

    @GetMapping("/maal/{id}")
    String goal(@PathVariable long id, Model model) {
        Goal goal = goals.publicGoal(id);
        Organisation organisation = catalogue.organisation(goal.organisationId());
        CaseType caseType = goal.caseTypeId() == null ? null : catalogue.caseTypes(organisation).stream()
                .filter(t -> t.id() == goal.caseTypeId()).findFirst().orElse(null);
        model.addAttribute("organisation", organisation);
        model.addAttribute("goal", goal);
        model.addAttribute("caseType", caseType);
        model.addAttribute("sources", sources.of(goal, organisation));
        model.addAttribute("successor", goals.successor(goal).orElse(null));
        List<Goal> earlier = goals.earlierVersions(goal);
        model.addAttribute("previous", earlier.isEmpty() ? null : earlier.getFirst());
        model.addAttribute("expected", caseType == null ? null : expectedTimes.expected(caseType));
        String base = RequestUrls.base();
        model.addAttribute("embedSnippet", dk.klaremaal.communication.EmbedSnippet.of(base, goal));
        model.addAttribute("oembedUrl", base + "/oembed?url=" + java.net.URLEncoder.encode(base + "/maal/" + goal.id(),
                java.nio.charset.StandardCharsets.UTF_8));
        List<GoalResult> all = results.results(goal);
        model.addAttribute("results", all.reversed());
        model.addAttribute("resultsAscending", all);
        model.addAttribute("reported", results.reportedValues(goal));
        model.addAttribute("baselineValue", results.baselineValue(goal).orElse(null));
        return "goal";
    }


    static List<TreeEntry> tree(List<Organisation> organisations) {
        List<TreeEntry> entries = new ArrayList<>();
        Comparator<Organisation> byName = dk.klaremaal.platform.DanishOrder.by(Organisation::name);
        organisations.stream().filter(o -> o.parentId() == null || organisations.stream().noneMatch(p -> p.id() == o.parentId()))
                .sorted(byName).forEach(root -> addSubtree(root, 0, organisations, byName, entries));
        return entries;
    }

    private static void addSubtree(Organisation node, int depth, List<Organisation> all, Comparator<Organisation> byName,
                                   List<TreeEntry> entries) {
        entries.add(new TreeEntry(node, depth));
        all.stream().filter(o -> o.parentId() != null && o.parentId() == node.id()).sorted(byName)
                .forEach(child -> addSubtree(child, depth + 1, all, byName, entries));
    }
}
