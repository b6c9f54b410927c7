package dk.klaremaal.measurement;

import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.Period;
import dk.klaremaal.measurement.CaseStatisticsRepository.OpenCases;
import dk.klaremaal.measurement.CaseStatisticsRepository.PeriodAggregate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Follow-up: computes and assesses each goal's result per period from the case records. */
@Service
public class ResultService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SEVEN = BigDecimal.valueOf(7);

    private final CaseStatisticsRepository statistics;
    private final Clock clock;

    public ResultService(CaseStatisticsRepository statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    /** Every period from the first received case to the current period, oldest first. */
    public List<GoalResult> results(Goal goal) {
        Indicator indicator = goal.indicator();
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> first = statistics.firstReceived(goal.caseTypeId());
        if (first.isEmpty()) {
            return List.of();
        }
        List<Period> periods = new ArrayList<>();
        for (Period p = Period.containing(goal.periodKind(), first.get()); !p.start().isAfter(today); p = p.next()) {
            periods.add(p);
        }
        Map<LocalDate, PeriodAggregate> aggregates = statistics.aggregate(goal.caseTypeId(), goal.periodKind(),
                        indicator.dayUnit() == Indicator.DayUnit.WORKING,
                        indicator.fraction(),
                        indicator.withinDays() == null ? 0 : indicator.withinDays())
                .stream().collect(Collectors.toMap(PeriodAggregate::periodStart, Function.identity()));
        Map<LocalDate, OpenCases> open = statistics.openAt(goal.caseTypeId(), periods.stream().map(Period::end).toList())
                .stream().collect(Collectors.toMap(OpenCases::periodEnd, Function.identity()));

        List<GoalResult> results = new ArrayList<>();
        for (Period period : periods) {
            PeriodAggregate aggregate = aggregates.get(period.start());
            BigDecimal value = aggregate == null ? null : value(indicator, aggregate);
            OpenCases openCases = open.get(period.end());
            results.add(new GoalResult(period, !period.end().isBefore(today), aggregate == null ? 0 : aggregate.cases(), value,
                    goal.target(period).orElse(null), value == null ? null : goal.scale().assess(value).orElse(null),
                    openCases == null ? 0 : openCases.count(), openCases == null ? null : openCases.oldestAgeDays()));
        }
        return results;
    }

    /** The most recent period that has a result. */
    public Optional<GoalResult> latest(Goal goal) {
        return results(goal).reversed().stream().filter(GoalResult::measured).findFirst();
    }

    static BigDecimal value(Indicator indicator, PeriodAggregate aggregate) {
        BigDecimal value = switch (indicator.statistic()) {
            case MEAN -> aggregate.mean();
            case MEDIAN, PERCENTILE -> BigDecimal.valueOf(aggregate.percentile());
            case SHARE_WITHIN -> BigDecimal.valueOf(aggregate.within()).multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(aggregate.cases()), MathContext.DECIMAL64);
        };
        return indicator.valueUnit() == Indicator.ValueUnit.WEEKS ? value.divide(SEVEN, MathContext.DECIMAL64) : value;
    }
}
