package dk.klaremaal.publication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Bound;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.goals.ScaleLevel;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ResultService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public JSON reads of goals and their results. Values carry full precision; pages round them. */
@RestController
class OpenDataApiController {

    record BoundView(BigDecimal value, boolean inclusive) {
    }

    record LevelView(String status, String label, BoundView lower, BoundView upper) {
    }

    record ScaleView(String kind, String direction, List<LevelView> levels) {
    }

    record IndicatorView(String kind, String caseType, String statistic, BigDecimal percentile, Integer withinDays, String dayUnit,
                         String unit) {
    }

    record TargetView(String period, BigDecimal value) {
    }

    record ResultView(String period, LocalDate periodStart, LocalDate periodEnd, boolean provisional, long cases, BigDecimal value,
                      BigDecimal target, String status, String statusLabel, long openAtPeriodEnd, Integer oldestOpenAgeDays) {
    }

    record GoalView(long id, String code, String organisation, String sentence, String dimension, IndicatorView indicator,
                    String periodKind, ScaleView scale, List<TargetView> targets, ResultView latestResult) {
    }

    record ResultsView(long goal, String unit, List<ResultView> results) {
    }

    private final CatalogueService catalogue;
    private final GoalService goals;
    private final ResultService results;

    OpenDataApiController(CatalogueService catalogue, GoalService goals, ResultService results) {
        this.catalogue = catalogue;
        this.goals = goals;
        this.results = results;
    }

    @GetMapping("/api/v1/organisations/{slug}/goals")
    List<GoalView> goals(@PathVariable String slug) {
        Organisation organisation = catalogue.organisation(slug);
        Map<Long, CaseType> caseTypes = catalogue.caseTypes(organisation).stream()
                .collect(Collectors.toMap(CaseType::id, Function.identity()));
        return goals.goalsOf(organisation).stream().map(goal -> new GoalView(goal.id(), goal.code(), organisation.slug(),
                goal.sentence(), goal.dimension(),
                new IndicatorView("processing_time", caseTypes.get(goal.caseTypeId()).code(), goal.indicator().statistic().code(),
                        goal.indicator().percentile(), goal.indicator().withinDays(), goal.indicator().dayUnit().code(),
                        goal.indicator().valueUnit().code()),
                goal.periodKind().code(),
                new ScaleView(goal.scale().kind().code(), goal.scale().direction().code(),
                        goal.scale().levels().stream().map(OpenDataApiController::level).toList()),
                goal.targets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new TargetView(e.getKey().key(), e.getValue())).toList(),
                results.latest(goal).map(OpenDataApiController::result).orElse(null))).toList();
    }

    @GetMapping("/api/v1/goals/{id}/results")
    ResultsView results(@PathVariable long id) {
        Goal goal = goals.goal(id);
        return new ResultsView(goal.id(), goal.indicator().valueUnit().code(),
                results.results(goal).stream().sorted(Comparator.comparing(GoalResult::period))
                        .map(OpenDataApiController::result).toList());
    }

    private static ResultView result(GoalResult r) {
        return new ResultView(r.period().key(), r.period().start(), r.period().end(), r.provisional(), r.cases(), r.value(),
                r.target(), r.level() == null ? null : r.level().status().code(), r.level() == null ? null : r.level().danishLabel(),
                r.openAtPeriodEnd(), r.oldestOpenAgeDays());
    }

    private static LevelView level(ScaleLevel l) {
        return new LevelView(l.status().code(), l.danishLabel(), bound(l.lower()), bound(l.upper()));
    }

    private static BoundView bound(Bound b) {
        return b == null ? null : new BoundView(b.value(), b.inclusive());
    }
}
