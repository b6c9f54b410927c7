package dk.klaremaal.publication;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.goals.IndicatorKind;
import dk.klaremaal.goals.Period;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.measurement.CaseStatisticsRepository;
import dk.klaremaal.measurement.DateRange;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.Quantiles;
import dk.klaremaal.measurement.ResultService;
import dk.klaremaal.platform.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Benchmarking: the goals that share an indicator key, one per organisation, side by side for a
 * period, each with its value, status and, for processing times, the distribution of its cases; and
 * the distribution of the organisations' values (the national median and quartiles).
 */
@Service
public class ComparisonService {

    public record Row(Organisation organisation, Goal goal, GoalResult result, Quantiles cases) {
        public BigDecimal value() {
            return result == null ? null : result.value();
        }

        /** What the value rests on; null when it is withheld. */
        public Long observations() {
            return result == null ? Long.valueOf(0) : result.observations();
        }
    }

    public record Comparison(String key, Goal example, Period period, List<Period> periods, List<Row> rows, Quantiles across,
                             long organisations) {
    }

    public record Filter(String kind, String region, String sort, boolean descending) {
    }

    private final GoalService goals;
    private final CatalogueService catalogue;
    private final ResultService results;
    private final CaseStatisticsRepository cases;
    private final java.time.Clock clock;

    ComparisonService(GoalService goals, CatalogueService catalogue, ResultService results, CaseStatisticsRepository cases,
                      java.time.Clock clock) {
        this.clock = clock;
        this.goals = goals;
        this.catalogue = catalogue;
        this.results = results;
        this.cases = cases;
    }

    public Map<String, Long> keys() {
        return goals.indicatorKeys();
    }

    /** The comparison for a period (its key, e.g. 2025); null for the latest period that has ended and has results. */
    public Comparison compare(String key, String periodKey, Filter filter) {
        List<Goal> all = goals.goalsWithKey(key);
        if (all.isEmpty()) {
            throw new NotFoundException("No goals share the indicator key '" + key + "'");
        }
        Map<Long, Organisation> organisations = catalogue.organisations().stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        record Candidate(Organisation organisation, Goal goal, List<GoalResult> results) {
        }
        List<Candidate> candidates = new ArrayList<>();
        TreeSet<Period> periods = new TreeSet<>();
        for (Goal goal : all) {
            Organisation o = organisations.get(goal.organisationId());
            if (filter.kind() != null && !filter.kind().isBlank() && !o.kind().code().equals(filter.kind())) {
                continue;
            }
            if (filter.region() != null && !filter.region().isBlank() && (o.region() == null || !o.region().code().equals(filter.region()))) {
                continue;
            }
            List<GoalResult> r = results.results(goal);
            r.stream().filter(GoalResult::measured).map(GoalResult::period).forEach(periods::add);
            candidates.add(new Candidate(o, goal, r));
        }
        Period period = periodKey != null && !periodKey.isBlank() ? period(periodKey)
                : candidates.stream().flatMap(c -> c.results().stream()).filter(r -> r.measured() && !r.provisional())
                .map(GoalResult::period).max(Comparator.naturalOrder())
                .orElse(periods.isEmpty() ? Period.containing(all.getFirst().periodKind(), java.time.LocalDate.now(clock)) : periods.last());
        List<Row> rows = new ArrayList<>();
        for (Candidate c : candidates) {
            GoalResult result = c.results().stream().filter(r -> r.period().equals(period)).findFirst().orElse(null);
            Quantiles distribution = null;
            // The distribution rests on the same cases as the value: withheld with it.
            if (c.goal().indicator().kind() == IndicatorKind.PROCESSING_TIME && (result == null || !result.withheld())) {
                distribution = Quantiles.of(cases.sortedDays(c.goal().caseTypeId(), new DateRange(period.start(), period.end()),
                        c.goal().indicator().workingDays()));
                if (distribution != null && c.goal().indicator().valueUnit() == dk.klaremaal.goals.Indicator.ValueUnit.WEEKS) {
                    distribution = inWeeks(distribution);
                }
            }
            rows.add(new Row(c.organisation(), c.goal(), result, distribution));
        }
        rows.sort(comparator(filter));
        List<BigDecimal> values = rows.stream().map(Row::value).filter(java.util.Objects::nonNull).sorted().toList();
        return new Comparison(key, all.getFirst(), period, new ArrayList<>(periods.descendingSet()), rows, Quantiles.of(values),
                rows.stream().filter(r -> r.value() != null).count());
    }

    private static Quantiles inWeeks(Quantiles q) {
        BigDecimal seven = BigDecimal.valueOf(7);
        java.math.MathContext mc = java.math.MathContext.DECIMAL64;
        return new Quantiles(q.n(), q.p25().divide(seven, mc), q.median().divide(seven, mc), q.p75().divide(seven, mc),
                q.p90().divide(seven, mc), q.mean().divide(seven, mc));
    }

    private static Comparator<Row> comparator(Filter filter) {
        Comparator<Row> byName = Comparator.comparing(r -> r.organisation().name(), java.text.Collator.getInstance(java.util.Locale.forLanguageTag("da")));
        // Organisations without a value come last whichever way the column is sorted.
        Comparator<BigDecimal> numbers = Comparator.nullsLast(filter.descending() ? Comparator.<BigDecimal>reverseOrder()
                : Comparator.<BigDecimal>naturalOrder());
        Comparator<Row> c = switch (filter.sort() == null ? "value" : filter.sort()) {
            case "name" -> filter.descending() ? byName.reversed() : byName;
            case "cases" -> Comparator.comparing(r -> r.observations() == null ? null : BigDecimal.valueOf(r.observations()), numbers);
            case "median" -> Comparator.comparing(r -> r.cases() == null ? null : r.cases().median(), numbers);
            case "p90" -> Comparator.comparing(r -> r.cases() == null ? null : r.cases().p90(), numbers);
            default -> Comparator.comparing(Row::value, numbers);
        };
        return c.thenComparing(byName);
    }


    private static Period period(String key) {
        try {
            return Period.parse(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("periode", e.getMessage());
        }
    }
}
