package dk.klaremaal.measurement;

import dk.klaremaal.goals.Fraction;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.IndicatorKind;
import dk.klaremaal.goals.Period;
import dk.klaremaal.goals.PeriodKind;
import dk.klaremaal.goals.ScaleLevel;
import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.measurement.GoalResult.Standing;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.klaremaal.measurement.CaseStatisticsRepository.OpenCases;
import dk.klaremaal.platform.DataVersion;
import dk.klaremaal.platform.KeptCaches;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Follow-up: computes and assesses each goal's result per period from its data. */
@Service
public class ResultService {

    private final Map<IndicatorKind, IndicatorCalculator> calculators = new EnumMap<>(IndicatorKind.class);
    private final CaseStatisticsRepository cases;
    private final ServiceGoalStatisticsRepository serviceGoals;
    private final SeriesStatisticsRepository series;
    private final Clock clock;

    private final DataVersion dataVersion;

    /** A goal's results as computed for the goal as it was, the version of its organisation's data and the time they depend on. */
    private record Kept(Goal goal, long version, Object time, List<GoalResult> results) {
    }

    /** Goals kept at most: every goal of a large installation several times over (each goal is kept once, by id). */
    private static final int CACHED = 20_000;

    private final KeptCaches.Kept<Long, Kept> cache;

    private final ResultSnapshots snapshots;

    private final MeterRegistry meters;

    private final dk.klaremaal.catalogue.CatalogueRepository catalogue;

    /** Periods after the one that should have followed the latest result before that result counts as having no new data. */
    private final int gracePeriods;

    ResultService(List<IndicatorCalculator> calculators, CaseStatisticsRepository cases, ServiceGoalStatisticsRepository serviceGoals,
                  SeriesStatisticsRepository series, Clock clock,
                  DataVersion dataVersion, ResultSnapshots snapshots, KeptCaches caches, MeterRegistry meters,
                  dk.klaremaal.catalogue.CatalogueRepository catalogue,
                  @org.springframework.beans.factory.annotation.Value("${klaremaal.results.grace-periods:1}") int gracePeriods) {
        this.catalogue = catalogue;
        this.serviceGoals = serviceGoals;
        if (gracePeriods < 0) {
            throw new IllegalArgumentException("klaremaal.results.grace-periods must be 0 or more");
        }
        this.gracePeriods = gracePeriods;
        this.snapshots = snapshots;
        this.meters = meters;
        calculators.forEach(c -> c.kinds().forEach(k -> this.calculators.put(k, c)));
        this.cases = cases;
        this.series = series;
        this.clock = clock;
        this.dataVersion = dataVersion;
        this.cache = caches.build("results", Caffeine.newBuilder().maximumSize(CACHED));
    }

    /**
     * Every period from the first with data to the current one, oldest first; to the last
     * milestone's when that lies ahead, or to the end of monitoring when that has passed.
     * <p>
     * Results are kept per node and reused while the goal, the version of its organisation's data and the day (for
     * availability, the minute: uptime runs to now) are the same. A goal reads only its own organisation's sources
     * (the goal form finds them in its organisation) and calendar, so {@link DataVersion#ofOrganisation} covers all
     * it reads: another organisation's upload leaves it in use. The version is read before the data, so what is kept
     * under a version is never older than it. On a miss, the nightly recomputation's results are used when they were
     * computed from the same version on the same day.
     */
    public List<GoalResult> results(Goal goal) {
        Object time = goal.indicator().kind() == IndicatorKind.AVAILABILITY
                ? clock.instant().truncatedTo(ChronoUnit.MINUTES) : LocalDate.now(clock);
        if (TransactionSynchronizationManager.isActualTransactionActive() && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // Inside a transaction that may have changed data not yet committed: compute, keep nothing.
            return compute(goal);
        }
        long version = dataVersion.ofOrganisation(goal.organisationId());
        Kept kept = cache.valid(goal.id(), k -> k.version() == version && k.time().equals(time) && k.goal().equals(goal));
        if (kept != null) {
            return kept.results();
        }
        List<GoalResult> computed = time instanceof LocalDate day
                ? snapshots.find(goal.id(), version, day).filter(ResultService::currentForm).orElseGet(() -> List.copyOf(compute(goal)))
                : List.copyOf(compute(goal));
        cache.put(goal.id(), new Kept(goal, version, time, computed));
        return computed;
    }

    /** Whether kept results were computed in the present form (every result says why it has its level). */
    private static boolean currentForm(List<GoalResult> results) {
        return results.stream().allMatch(r -> r.standing() != null);
    }

    /** The goal's results computed now from the data, bypassing what this node or the nightly recomputation kept. */
    public List<GoalResult> computeFresh(Goal goal) {
        return List.copyOf(compute(goal));
    }

    /** Every computation (not a reuse of kept results) is timed per indicator kind: {@code klaremaal_results_computation_seconds}. */
    private List<GoalResult> compute(Goal goal) {
        Timer.Sample sample = Timer.start(meters);
        try {
            return computeUntimed(goal);
        } finally {
            sample.stop(meters.timer("klaremaal.results.computation", "kind", goal.indicator().kind().name().toLowerCase(Locale.ROOT)));
        }
    }

    private List<GoalResult> computeUntimed(Goal goal) {
        IndicatorCalculator calculator = calculators.get(goal.indicator().kind());
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> first = calculator.firstDate(goal);
        if (first.isEmpty()) {
            return List.of();
        }
        LocalDate last = calculator.lastDate(goal).filter(today::isAfter)
                .orElse(goal.milestones().stream().map(Goal.Milestone::dueOn).filter(today::isBefore).max(LocalDate::compareTo).orElse(today));
        List<Period> periods = new ArrayList<>();
        for (Period p = Period.containing(goal.periodKind(), first.get()); !p.start().isAfter(last); p = p.next()) {
            periods.add(p);
        }
        boolean yearToDate = goal.periodKind() != PeriodKind.YEAR;
        List<DateRange> ranges = new ArrayList<>();
        periods.forEach(p -> ranges.add(new DateRange(p.start(), p.end())));
        if (yearToDate) {
            periods.forEach(p -> ranges.add(new DateRange(p.start().withDayOfYear(1), p.end())));
        }
        Goal.Baseline baseline = goal.baseline();
        if (baseline != null && baseline.value() == null) {
            ranges.add(new DateRange(baseline.period().start(), baseline.period().end()));
        }
        List<Measurement> measured = calculator.measure(goal, ranges);
        boolean sensitive = goal.caseTypeId() != null && catalogue.sensitive(goal.caseTypeId());
        // A baseline measured on too few cases of a sensitive case type is not published, nor the targets that give it away.
        Fraction baselineValue = baseline == null ? null
                : baseline.value() != null ? Fraction.of(baseline.value())
                : Optional.ofNullable(measured.getLast())
                        .filter(m -> !sensitive || m.observations() >= CaseType.FEWEST_PUBLISHED).map(Measurement::exact).orElse(null);

        List<LocalDate> ends = periods.stream().map(Period::end).toList();
        Map<LocalDate, OpenCases> open = switch (goal.indicator().kind()) {
            case PROCESSING_TIME -> cases.openAt(goal.caseTypeId(), ends).stream()
                    .collect(Collectors.toMap(OpenCases::periodEnd, Function.identity()));
            // Open cases of every case type the service goal spans: counted together, the oldest of them all.
            case SERVICE_GOAL -> serviceGoals.caseTypes(goal.indicator().serviceId()).stream()
                    .flatMap(caseType -> cases.openAt(caseType, ends).stream())
                    .collect(Collectors.toMap(OpenCases::periodEnd, Function.identity(), (a, b) -> new OpenCases(a.periodEnd(),
                            a.count() + b.count(), Math.max(a.oldestAgeDays(), b.oldestAgeDays()))));
            default -> null;
        };

        List<GoalResult> results = new ArrayList<>();
        boolean withheldThisYear = false;
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            Measurement m = measured.get(i);
            Fraction target = target(goal, period, baselineValue);
            Measurement ytd = yearToDate ? measured.get(periods.size() + i) : null;
            OpenCases openCases = open == null ? null : open.get(period.end());
            boolean provisional = !period.end().isBefore(today);
            if (i == 0 || period.start().getYear() != periods.get(i - 1).start().getYear()) {
                withheldThisYear = false;
            }
            if (sensitive && m != null && m.value() != null && m.observations() < CaseType.FEWEST_PUBLISHED) {
                // Nothing that rests on these few cases is published: not the value, its basis, the year to date that
                // includes them (it would give the period's value away by difference) nor the cases still open.
                withheldThisYear = true;
                results.add(new GoalResult(period, provisional, null, null, null, target == null ? null : target.decimal(), null, null,
                        null, null, null, null, GoalResult.Standing.WITHHELD, null));
                continue;
            }
            Standing standing = standing(goal, period, m, target);
            Assessment assessment = assess(goal, m, target);
            ScaleLevel level = standing == Standing.ASSESSED ? assessment.level() : null;
            if (standing == Standing.ASSESSED && level == null) {
                standing = goal.scaleBasis() == Goal.ScaleBasis.PERCENT_OF_TARGET ? Standing.NO_TARGET : Standing.NOT_MEASURED;
            }
            boolean ytdWithheld = sensitive && (withheldThisYear || ytd != null && ytd.value() != null
                    && ytd.observations() < CaseType.FEWEST_PUBLISHED);
            Measurement shownYtd = ytdWithheld ? null : ytd;
            Assessment ytdAssessment = shownYtd == null || goal.scaleBasis() != Goal.ScaleBasis.ABSOLUTE
                    || standing(goal, period, shownYtd, target) != Standing.ASSESSED ? null : assess(goal, shownYtd, target);
            boolean fewOpen = sensitive && openCases != null && openCases.count() < CaseType.FEWEST_PUBLISHED;
            results.add(new GoalResult(period, provisional, m == null ? 0L : m.observations(),
                    m == null ? null : m.value(), m == null ? null : m.secondary(), target == null ? null : target.decimal(),
                    assessment.percentOfTarget(), level, shownYtd == null ? null : shownYtd.value(),
                    ytdAssessment == null ? null : ytdAssessment.level(),
                    open == null ? null : openCases == null ? 0L : openCases.count(),
                    openCases == null || fewOpen ? null : openCases.oldestAgeDays(), standing, null));
        }
        markStale(results, today);
        return results;
    }

    /**
     * Why a period has or has no level: no data; the baseline period; a goal with targets but none for the period
     * (it is not judged against another period's); fewer observations than the goal is assessed on; else assessed.
     */
    static Standing standing(Goal goal, Period period, Measurement m, Fraction target) {
        if (m == null || m.value() == null) {
            return Standing.NOT_MEASURED;
        }
        if (goal.baseline() != null && goal.baseline().period().contains(period.start())) {
            return Standing.BASELINE;
        }
        if (goal.hasTargets() && target == null) {
            return Standing.NO_TARGET;
        }
        if (m.observations() < goal.minObservations()) {
            return Standing.TOO_FEW;
        }
        return Standing.ASSESSED;
    }

    /**
     * Marks the latest measured result when no later period has been measured although the period after it ended
     * more than the grace periods ago: a quarter's result of 2025-Q4 with a grace of one quarter is the latest news
     * until 2026-06-30, and from 2026-07-01 on says there has been no new data since 2025-12-31.
     */
    private void markStale(List<GoalResult> results, LocalDate today) {
        for (int i = results.size() - 1; i >= 0; i--) {
            GoalResult r = results.get(i);
            if (r.measured()) {
                Period due = r.period();
                for (int k = 0; k <= gracePeriods; k++) {
                    due = due.next();
                }
                if (due.end().isBefore(today)) {
                    results.set(i, r.staleSince(r.period().end()));
                }
                return;
            }
        }
    }

    /** The most recent period that has a result. */
    public Optional<GoalResult> latest(Goal goal) {
        return results(goal).reversed().stream().filter(GoalResult::measured).findFirst();
    }

    /** The reported values behind a reported, count or ratio goal, newest first. */
    public List<SeriesStatisticsRepository.ReportedValue> reportedValues(Goal goal) {
        return goal.indicator().seriesId() == null ? List.of() : series.history(goal.indicator().seriesId());
    }

    /** The baseline value a relative target is computed from: given, or measured in the baseline period. */
    public Optional<BigDecimal> baselineValue(Goal goal) {
        Goal.Baseline baseline = goal.baseline();
        if (baseline == null) {
            return Optional.empty();
        }
        if (baseline.value() != null) {
            return Optional.of(baseline.value());
        }
        List<Measurement> m = calculators.get(goal.indicator().kind()).measure(goal,
                List.of(new DateRange(baseline.period().start(), baseline.period().end())));
        boolean sensitive = goal.caseTypeId() != null && catalogue.sensitive(goal.caseTypeId());
        return Optional.ofNullable(m.getFirst()).filter(v -> !sensitive || v.observations() >= CaseType.FEWEST_PUBLISHED)
                .map(Measurement::value);
    }

    /** The period's target, exactly: one relative to a baseline is kept as a fraction of it. */
    static Fraction target(Goal goal, Period period, Fraction baselineValue) {
        if (goal.baseline() != null) {
            return baselineValue == null || !period.start().isAfter(goal.baseline().period().start()) ? null
                    : goal.baseline().target(baselineValue);
        }
        return goal.target(period).map(Fraction::of).orElse(null);
    }

    record Assessment(BigDecimal percentOfTarget, ScaleLevel level) {
    }

    /**
     * The level the value reaches. On a target basis the scale reads value ÷ target × 100 (no target,
     * no assessment). A compound goal reaches a level only when both values reach it. The value, the
     * target and their ratio are exact fractions here; only the percentage shown is rounded.
     */
    static Assessment assess(Goal goal, Measurement m, Fraction target) {
        if (m == null || m.value() == null) {
            return new Assessment(null, null);
        }
        Fraction assessed = m.exact();
        Fraction percentOfTarget = null;
        if (target != null && target.signum() > 0) {
            percentOfTarget = m.exact().times(Fraction.HUNDRED).dividedBy(target);
        }
        if (goal.scaleBasis() == Goal.ScaleBasis.PERCENT_OF_TARGET) {
            if (percentOfTarget == null) {
                return new Assessment(null, null);
            }
            assessed = percentOfTarget;
        }
        ScaleLevel level = goal.scale().assess(assessed).orElse(null);
        BigDecimal shownPercent = percentOfTarget == null ? null : percentOfTarget.decimal();
        if (goal.secondaryScale() != null && level != null) {
            ScaleLevel second = m.exactSecondary() == null ? null : goal.secondaryScale().assess(m.exactSecondary()).orElse(null);
            if (second == null) {
                level = null;
            } else if (second.status().rank() > level.status().rank()) {
                level = second;
            }
        }
        return new Assessment(shownPercent, level);
    }
}
