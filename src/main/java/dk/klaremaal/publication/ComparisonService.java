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
import java.util.Set;
import dk.klaremaal.catalogue.ComparisonGroup;
import dk.klaremaal.catalogue.ComparisonGroupService;
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

    /**
     * One organisation's line: its goal, its result for the period (null without one), the distribution
     * of its cases, and its rank among the organisations shown (1 = best by the goal's direction; equal
     * values share a rank; null without a value).
     */
    public record Row(Organisation organisation, Goal goal, GoalResult result, Quantiles cases, Integer rank) {
        public BigDecimal value() {
            return result == null ? null : result.value();
        }

        /** The period's target for this organisation, null when its goal has none. */
        public BigDecimal target() {
            return result == null ? null : result.target();
        }

        /** The value minus the target (in the goal's unit), null without both. */
        public BigDecimal distance() {
            return value() == null || target() == null ? null : value().subtract(target());
        }

        Row ranked(Integer r) {
            return new Row(organisation, goal, result, cases, r);
        }

        /** What the value rests on; null when it is withheld. */
        public Long observations() {
            return result == null ? Long.valueOf(0) : result.observations();
        }
    }

    /**
     * A comparison: {@code title} is a human title (the case type most of the goals measure, or the
     * indicator); {@code provisional} says the period has not ended; {@code group} is the chosen
     * comparison group or null; {@code across} the distribution of the shown organisations' values (the
     * group median when a group is chosen); {@code targetsDiffer} whether the organisations' targets
     * differ; {@code baseline} the example goal's baseline rule when targets come from one.
     */
    public record Comparison(String key, String title, Goal example, Period period, boolean provisional, List<Period> periods,
                             List<Row> rows, Quantiles across, long organisations, ComparisonGroup group, boolean targetsDiffer,
                             Goal.Baseline baseline, Set<Period> provisionalPeriods) {
    }

    public static final List<String> SORTS = List.of("name", "value", "target", "distance", "cases", "median", "p90", "rank");

    public record Filter(String kind, String region, String sort, boolean descending, String group) {

        public Filter(String kind, String region, String sort, boolean descending) {
            this(kind, region, sort, descending, null);
        }

        /** A filter from the page's parameters, every bad one named (400). */
        public static Filter of(String kind, String region, String sort, String direction, String group) {
            List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
            if (!blank(kind) && java.util.Arrays.stream(dk.klaremaal.catalogue.OrganisationKind.values()).noneMatch(k -> k.code().equals(kind))) {
                problems.add(new InvalidInputException.FieldProblem("art", "unknown kind of organisation '" + kind + "'"));
            }
            if (!blank(region) && java.util.Arrays.stream(dk.klaremaal.catalogue.Region.values()).noneMatch(r -> r.code().equals(region))) {
                problems.add(new InvalidInputException.FieldProblem("region", "unknown region '" + region + "'"));
            }
            if (!blank(sort) && !SORTS.contains(sort)) {
                problems.add(new InvalidInputException.FieldProblem("sortering", "sort by one of " + String.join(", ", SORTS)));
            }
            if (!blank(direction) && !direction.equals("asc") && !direction.equals("desc")) {
                problems.add(new InvalidInputException.FieldProblem("retning", "must be asc or desc"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Filter(blank(kind) ? null : kind, blank(region) ? null : region, blank(sort) ? "value" : sort,
                    "desc".equals(direction), blank(group) ? null : group);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    private final GoalService goals;
    private final CatalogueService catalogue;
    private final ResultService results;
    private final CaseStatisticsRepository cases;
    private final ComparisonGroupService groups;
    private final java.time.Clock clock;
    private final org.springframework.context.MessageSource messages;

    private static final java.util.Locale DANISH = java.util.Locale.forLanguageTag("da");

    ComparisonService(GoalService goals, CatalogueService catalogue, ResultService results, CaseStatisticsRepository cases,
                      ComparisonGroupService groups, java.time.Clock clock, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.clock = clock;
        this.goals = goals;
        this.catalogue = catalogue;
        this.results = results;
        this.cases = cases;
        this.groups = groups;
    }

    public Map<String, Long> keys() {
        return goals.indicatorKeys();
    }

    public List<ComparisonGroup> groups() {
        return groups.groups();
    }

    /**
     * The human title of the goals under a key (see {@link #titles()}); null for a key no goal has. Titles are
     * Danish, as the case type and service names they are made of.
     */
    public String title(String key) {
        return titles().get(key);
    }

    /**
     * Every key's title, no two alike: for service goals the service and the statistic ("Byggesager: andel afgjort
     * inden for servicemålet"); otherwise the case type most of the goals measure, else the indicator. When two keys
     * would still share a title, each names its indicator, and then its key.
     */
    public Map<String, String> titles() {
        Map<String, List<Goal>> byKey = new java.util.LinkedHashMap<>();
        keys().keySet().forEach(k -> byKey.put(k, goals.goalsWithKey(k)));
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        byKey.forEach((k, all) -> {
            if (!all.isEmpty()) {
                titles.put(k, baseTitle(all));
            }
        });
        distinguish(titles, k -> {
            String description = byKey.get(k).getFirst().indicator().danishDescription();
            return titles.get(k).equals(description) ? null : description;
        });
        distinguish(titles, k -> k);
        return titles;
    }

    /** Adds to each title that is shared by more than one key what {@code words} gives for its key (nothing when null). */
    static void distinguish(Map<String, String> titles, Function<String, String> words) {
        Map<String, Long> counts = titles.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        titles.replaceAll((k, t) -> {
            String more = counts.get(t) > 1 ? words.apply(k) : null;
            return more == null ? t : t + " (" + more + ")";
        });
    }

    private String baseTitle(List<Goal> all) {
        // The most common name; of equally common ones, the first in alphabetical order.
        Comparator<Map.Entry<String, Long>> order = Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry::getKey, Comparator.<String>reverseOrder());
        dk.klaremaal.goals.Indicator indicator = all.getFirst().indicator();
        if (indicator.kind() == IndicatorKind.SERVICE_GOAL) {
            Map<String, Long> services = all.stream().map(g -> g.indicator().serviceId()).filter(java.util.Objects::nonNull)
                    .map(id -> catalogue.serviceName(id).orElse(null)).filter(java.util.Objects::nonNull)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            String what = indicator.statistic() == dk.klaremaal.goals.Indicator.Statistic.MEAN
                    ? "comparison.name.serviceGoal.mean" : "comparison.name.serviceGoal.share";
            return services.entrySet().stream().max(order)
                    .map(e -> messages.getMessage(what, new Object[]{e.getKey()}, DANISH))
                    .orElse(indicator.danishDescription());
        }
        Map<String, Long> names = all.stream().filter(g -> g.caseTypeId() != null)
                .collect(Collectors.groupingBy(g -> catalogue.caseType(g.caseTypeId()).name(), Collectors.counting()));
        return names.entrySet().stream().max(order)
                .map(Map.Entry::getKey).orElse(indicator.danishDescription());
    }

    /** The comparison for a period (its key, e.g. 2025); null for the latest period that has ended and has results. */
    public Comparison compare(String key, String periodKey, Filter filter) {
        List<Goal> all = key == null || key.length() > dk.klaremaal.platform.FieldLimits.CODE ? List.of() : goals.goalsWithKey(key);
        if (all.isEmpty()) {
            throw new NotFoundException("No goals share the indicator key '" + key + "'");
        }
        Period asked = periodKey != null && !periodKey.isBlank() ? period(periodKey) : null;
        if (asked != null && asked.kind() != all.getFirst().periodKind()) {
            throw new InvalidInputException("periode", "the goals under '" + key + "' are followed up per " + all.getFirst().periodKind().code()
                    + ", not per " + asked.kind().code());
        }
        ComparisonGroup group = filter.group() == null ? null : groups.find(filter.group())
                .orElseThrow(() -> new NotFoundException("No comparison group '" + filter.group() + "'"));
        Map<Long, Organisation> organisations = catalogue.organisations().stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        record Candidate(Organisation organisation, Goal goal, List<GoalResult> results) {
        }
        List<Candidate> candidates = new ArrayList<>();
        TreeSet<Period> periods = new TreeSet<>();
        Set<Period> provisionalPeriods = new java.util.HashSet<>();
        for (Goal goal : all) {
            Organisation o = organisations.get(goal.organisationId());
            if (filter.kind() != null && !filter.kind().isBlank() && !o.kind().code().equals(filter.kind())) {
                continue;
            }
            if (filter.region() != null && !filter.region().isBlank() && (o.region() == null || !o.region().code().equals(filter.region()))) {
                continue;
            }
            if (group != null && !group.hasMember(o.slug())) {
                continue;
            }
            List<GoalResult> r = results.results(goal);
            r.stream().filter(GoalResult::measured).forEach(x -> {
                periods.add(x.period());
                if (x.provisional()) {
                    provisionalPeriods.add(x.period());
                }
            });
            candidates.add(new Candidate(o, goal, r));
        }
        Period period = asked != null ? asked
                : candidates.stream().flatMap(c -> c.results().stream()).filter(r -> r.measured() && !r.provisional())
                .map(GoalResult::period).max(Comparator.naturalOrder())
                .orElse(periods.isEmpty() ? Period.containing(all.getFirst().periodKind(), java.time.LocalDate.now(clock)) : periods.last());
        boolean provisional = !period.end().isBefore(java.time.LocalDate.now(clock.withZone(dk.klaremaal.platform.TimeConfiguration.ZONE)));
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
            rows.add(new Row(c.organisation(), c.goal(), result, distribution, null));
        }
        rows = ranked(rows, all.getFirst().scale().direction());
        rows.sort(comparator(filter));
        List<BigDecimal> values = rows.stream().map(Row::value).filter(java.util.Objects::nonNull).sorted().toList();
        boolean targetsDiffer = rows.stream().map(Row::target).filter(java.util.Objects::nonNull).map(BigDecimal::stripTrailingZeros)
                .distinct().count() > 1;
        return new Comparison(key, title(key), all.getFirst(), period, provisional, new ArrayList<>(periods.descendingSet()), rows,
                Quantiles.of(values), rows.stream().filter(r -> r.value() != null).count(), group, targetsDiffer,
                all.getFirst().baseline(), provisionalPeriods);
    }

    /**
     * Competition ranks ("1, 2, 2, 4") by value, best first: the lowest value first when lower is better.
     * Organisations without a value, or whose value rests on too few observations to be assessed, have no rank.
     */
    static List<Row> ranked(List<Row> rows, dk.klaremaal.goals.Direction direction) {
        Comparator<BigDecimal> better = direction == dk.klaremaal.goals.Direction.HIGHER_IS_BETTER ? Comparator.reverseOrder()
                : Comparator.naturalOrder();
        List<BigDecimal> sorted = rows.stream().filter(ComparisonService::rankable).map(Row::value).sorted(better).toList();
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            Integer rank = null;
            if (rankable(r)) {
                int i = 0;
                while (better.compare(sorted.get(i), r.value()) < 0) {
                    i++;
                }
                rank = i + 1;
            }
            out.add(r.ranked(rank));
        }
        return out;
    }

    /** A value that can be ranked: there is one, and it rests on as many observations as the goal is assessed on. */
    private static boolean rankable(Row r) {
        return r.value() != null && (r.result() == null || r.result().standing() != GoalResult.Standing.TOO_FEW);
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
            case "target" -> Comparator.comparing(Row::target, numbers);
            case "distance" -> Comparator.comparing(Row::distance, numbers);
            case "rank" -> Comparator.comparing(r -> r.rank() == null ? null : BigDecimal.valueOf(r.rank()), numbers);
            case "cases" -> Comparator.comparing(r -> r.observations() == null ? null : BigDecimal.valueOf(r.observations()), numbers);
            case "median" -> Comparator.comparing(r -> r.cases() == null ? null : r.cases().median(), numbers);
            case "p90" -> Comparator.comparing(r -> r.cases() == null ? null : r.cases().p90(), numbers);
            default -> Comparator.comparing(Row::value, numbers);
        };
        return c.thenComparing(byName);
    }


    /** The period asked for: a key of a period from the first year the platform knows to the current period. */
    private Period period(String key) {
        Period period;
        try {
            period = Period.parse(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("periode", e.getMessage());
        }
        int year = period.start().getYear();
        if (year < dk.klaremaal.platform.FieldLimits.FIRST_YEAR || year > dk.klaremaal.platform.FieldLimits.LAST_YEAR) {
            throw new InvalidInputException("periode", dk.klaremaal.platform.FieldLimits.Rule.RANGE.reason(
                    dk.klaremaal.platform.FieldLimits.FIRST_YEAR, dk.klaremaal.platform.FieldLimits.LAST_YEAR));
        }
        if (period.start().isAfter(java.time.LocalDate.now(clock.withZone(dk.klaremaal.platform.TimeConfiguration.ZONE)))) {
            throw new InvalidInputException("periode", dk.klaremaal.platform.Reason.NOT_BEGUN.english());
        }
        return period;
    }
}
