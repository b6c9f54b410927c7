package dk.klaremaal.publication;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Bound;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.Scale;
import dk.klaremaal.goals.ScaleLevel;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ResultService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    record IndicatorView(String kind, String statistic, BigDecimal percentile, Integer withinDays, Integer withinSeconds,
                         String dayUnit, String unit, String channel, String outcome, Integer scoreLevel, Integer secondaryScoreLevel,
                         List<GoalSource.Source> sources) {
    }

    record BaselineView(String period, BigDecimal value, BigDecimal changeNumerator, BigDecimal changeDenominator) {
    }

    record MilestoneView(String title, LocalDate due, LocalDate done, String evidence, String reportedBy) {
    }

    record TargetView(String period, BigDecimal value) {
    }

    record ResultView(String period, LocalDate periodStart, LocalDate periodEnd, boolean provisional, Long observations,
                      BigDecimal value, BigDecimal secondaryValue, BigDecimal target, BigDecimal percentOfTarget, String status,
                      String statusLabel, BigDecimal yearToDate, String yearToDateStatus, Long openAtPeriodEnd,
                      Integer oldestOpenAgeDays, String assessment, String assessmentLabel, LocalDate noNewDataSince) {
    }

    record GoalView(long id, String code, String organisation, String sentence, String dimension, IndicatorView indicator,
                    String periodKind, ScaleView scale, ScaleView secondaryScale, String scaleBasis, List<TargetView> targets,
                    BaselineView baseline, List<MilestoneView> milestones, ResultView latestResult, int minObservations) {
    }

    record ResultsView(long goal, String unit, List<ResultView> results) {
    }

    private final CatalogueService catalogue;
    private final GoalService goals;
    private final ResultService results;

    private final GoalSource sources;

    private final Presentation presentation;

    OpenDataApiController(CatalogueService catalogue, GoalService goals, ResultService results, GoalSource sources,
                          Presentation presentation) {
        this.presentation = presentation;
        this.sources = sources;
        this.catalogue = catalogue;
        this.goals = goals;
        this.results = results;
    }

    @GetMapping("/api/v1/organisations/{slug}/goals")
    List<GoalView> goals(@PathVariable String slug) {
        Organisation organisation = catalogue.organisation(slug);
        return goals.goalsOf(organisation).stream().map(goal -> view(goal, organisation)).toList();
    }

    @GetMapping("/api/v1/goals/{id}")
    GoalView goal(@PathVariable long id) {
        Goal goal = goals.publicGoal(id);
        return view(goal, catalogue.organisation(goal.organisationId()));
    }

    private GoalView view(Goal goal, Organisation organisation) {
        Indicator ind = goal.indicator();
        Goal.Baseline b = goal.baseline();
        return new GoalView(goal.id(), goal.code(), organisation.slug(), goal.sentence(), goal.dimension(),
                new IndicatorView(ind.kind().code(), ind.statistic().code(), ind.percentile(), ind.withinDays(), ind.withinSeconds(),
                        ind.dayUnit().code(), ind.valueUnit().code(), ind.channel(), ind.outcome(), ind.scoreLevel(),
                        ind.secondaryScoreLevel(), sources.of(goal, organisation)),
                goal.periodKind().code(), scale(goal.scale()), goal.secondaryScale() == null ? null : scale(goal.secondaryScale()),
                goal.scaleBasis().code(),
                goal.targets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new TargetView(e.getKey().key(), e.getValue())).toList(),
                b == null ? null : new BaselineView(b.period().key(), results.baselineValue(goal).orElse(null), b.changeNumerator(),
                        b.changeDenominator()),
                goal.milestones().stream().map(m -> new MilestoneView(m.title(), m.dueOn(), m.doneOn(), m.evidence(), m.reportedBy())).toList(),
                results.latest(goal).map(this::result).orElse(null), goal.minObservations());
    }

    private static ScaleView scale(Scale scale) {
        return new ScaleView(scale.kind().code(), scale.direction().code(), scale.levels().stream().map(OpenDataApiController::level).toList());
    }

    @GetMapping("/api/v1/goals/{id}/results")
    ResultsView results(@PathVariable long id) {
        Goal goal = goals.publicGoal(id);
        return new ResultsView(goal.id(), goal.indicator().valueUnit().code(),
                results.results(goal).stream().sorted(Comparator.comparing(GoalResult::period))
                        .map(this::result).toList());
    }

    private ResultView result(GoalResult r) {
        return new ResultView(r.period().key(), r.period().start(), r.period().end(), r.provisional(), r.observations(), r.value(),
                r.secondaryValue(), r.target(), r.percentOfTarget(), r.level() == null ? null : r.level().status().code(),
                r.level() == null ? null : r.level().danishLabel(), r.yearToDate(),
                r.yearToDateLevel() == null ? null : r.yearToDateLevel().status().code(), r.openAtPeriodEnd(), r.oldestOpenAgeDays(),
                r.standing() == null ? null : r.standing().code(), r.standing() == null ? null : presentation.danish("status." + r.standing().code()),
                r.noNewDataSince());
    }

    private static LevelView level(ScaleLevel l) {
        return new LevelView(l.status().code(), l.danishLabel(), bound(l.lower()), bound(l.upper()));
    }

    private static BoundView bound(Bound b) {
        return b == null ? null : new BoundView(b.value(), b.inclusive());
    }
}
