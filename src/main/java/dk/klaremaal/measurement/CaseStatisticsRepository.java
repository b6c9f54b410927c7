package dk.klaremaal.measurement;

import dk.klaremaal.goals.Fraction;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.IndicatorKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Processing-time statistics of decided cases, computed by PostgreSQL from the case records. */
@Repository
public class CaseStatisticsRepository implements IndicatorCalculator {

    private static final BigDecimal SEVEN = BigDecimal.valueOf(7);

    /**
     * One range's figures. {@code percentile} interpolates linearly between closest ranks, as NumPy's
     * default, R's type 7 and PostgreSQL's percentile_cont, but in exact decimals (see {@link Percentile}).
     */
    public record Aggregate(long cases, BigDecimal mean, BigDecimal percentile, long within, BigDecimal total) {
    }

    public record OpenCases(LocalDate periodEnd, long count, int oldestAgeDays) {
    }

    private final JdbcClient jdbc;

    public CaseStatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<IndicatorKind> kinds() {
        return Set.of(IndicatorKind.PROCESSING_TIME);
    }

    @Override
    public Optional<LocalDate> firstDate(Goal goal) {
        return firstReceived(goal.caseTypeId());
    }

    @Override
    public List<Measurement> measure(Goal goal, List<DateRange> ranges) {
        Indicator indicator = goal.indicator();
        Aggregate[] aggregates = aggregate(goal.caseTypeId(), ranges, indicator.workingDays(), indicator.fraction(),
                indicator.withinDays() == null ? 0 : indicator.withinDays(), Percentile.needed(indicator));
        return Arrays.stream(aggregates).map(a -> a == null ? null
                : new Measurement(a.cases(), value(indicator, a), null, exact(indicator, a), null)).toList();
    }

    /** The value as an exact quotient: the mean as the sum of days over the cases, the share as within × 100 over the cases. */
    static Fraction exact(Indicator indicator, Aggregate aggregate) {
        Fraction value = switch (indicator.statistic()) {
            case MEAN -> new Fraction(aggregate.total(), BigDecimal.valueOf(aggregate.cases()));
            case MEDIAN, PERCENTILE -> Fraction.of(aggregate.percentile());
            default -> Fraction.percent(aggregate.within(), aggregate.cases());
        };
        return indicator.valueUnit() == Indicator.ValueUnit.WEEKS ? value.dividedBy(Fraction.of(SEVEN)) : value;
    }

    static BigDecimal value(Indicator indicator, Aggregate aggregate) {
        BigDecimal value = switch (indicator.statistic()) {
            case MEAN -> aggregate.mean();
            case MEDIAN, PERCENTILE -> aggregate.percentile();
            default -> IndicatorCalculator.percent(aggregate.within(), aggregate.cases());
        };
        return indicator.valueUnit() == Indicator.ValueUnit.WEEKS ? value.divide(SEVEN, MathContext.DECIMAL64) : value;
    }

    /**
     * A case belongs to the range holding its last decision; open cases and cases without a counted
     * time are left out. Null where a range has no such case. The percentile is computed only when asked for.
     * Ranges of whole months (all periods goals are measured over) are read from the monthly
     * histograms {@code case_days}; any other range from the case records.
     */
    public Aggregate[] aggregate(long caseTypeId, List<DateRange> ranges, boolean workingDays, BigDecimal fraction, int withinDays,
                                 boolean percentile) {
        return ranges.stream().allMatch(CaseStatisticsRepository::wholeMonths)
                ? fromHistograms(caseTypeId, ranges, workingDays, fraction, withinDays, percentile)
                : fromRecords(caseTypeId, ranges, workingDays, fraction, withinDays, percentile);
    }

    static boolean wholeMonths(DateRange range) {
        return range.from().getDayOfMonth() == 1 && range.to().equals(range.to().withDayOfMonth(range.to().lengthOfMonth()));
    }

    Aggregate[] fromRecords(long caseTypeId, List<DateRange> ranges, boolean workingDays, BigDecimal fraction, int withinDays,
                            boolean percentile) {
        Aggregate[] result = new Aggregate[ranges.size()];
        jdbc.sql("""
                        select r.i, count(*) as cases, avg(d.days) as mean, sum(d.days)::numeric as total%s,
                               count(*) filter (where d.days <= :within) as within
                        from %s
                        join (select last_decided_on, case when :working then working_days else calendar_days end as days
                              from case_record
                              where case_type_id = :caseType and not is_open) d
                          on d.last_decided_on between r.from_day and r.to_day
                        where d.days is not null
                        group by r.i""".formatted(percentile ? ", " + Percentile.columns("d.days") : "", DateRange.SQL))
                .param("froms", DateRange.froms(ranges))
                .param("tos", DateRange.tos(ranges))
                .param("fraction", fraction)
                .param("within", withinDays)
                .param("working", workingDays)
                .param("caseType", caseTypeId)
                .query((rs, i) -> result[rs.getInt("i") - 1] = new Aggregate(rs.getLong("cases"), rs.getBigDecimal("mean"),
                        percentile ? Percentile.value(rs) : null, rs.getLong("within"), rs.getBigDecimal("total")))
                .list();
        return result;
    }

    /**
     * The same figures from the histograms: the mean in numeric as the sum of days over the number of
     * cases (exactly what avg over the cases gives), the percentile from the cumulative counts.
     */
    Aggregate[] fromHistograms(long caseTypeId, List<DateRange> ranges, boolean workingDays, BigDecimal fraction, int withinDays,
                               boolean percentile) {
        Aggregate[] result = new Aggregate[ranges.size()];
        jdbc.sql("""
                        select r.i, sum(h.cases) as cases, sum(h.cases::numeric * h.days) / sum(h.cases) as mean,
                               sum(h.cases::numeric * h.days) as total,
                               coalesce(sum(h.cases) filter (where h.days <= :within), 0) as within
                        from %s
                        join case_days h on h.case_type_id = :caseType and h.working = :working and h.month between r.from_day and r.to_day
                        group by r.i""".formatted(DateRange.SQL))
                .param("froms", DateRange.froms(ranges))
                .param("tos", DateRange.tos(ranges))
                .param("within", withinDays)
                .param("working", workingDays)
                .param("caseType", caseTypeId)
                .query((rs, i) -> result[rs.getInt("i") - 1] = new Aggregate(rs.getLong("cases"), rs.getBigDecimal("mean"), null,
                        rs.getLong("within"), rs.getBigDecimal("total")))
                .list();
        if (!percentile) {
            return result;
        }
        List<List<long[]>> counts = new java.util.ArrayList<>();
        ranges.forEach(r -> counts.add(new java.util.ArrayList<>()));
        jdbc.sql("""
                        select r.i, h.days, sum(h.cases)
                        from %s
                        join case_days h on h.case_type_id = :caseType and h.working = :working and h.month between r.from_day and r.to_day
                        group by r.i, h.days
                        order by r.i, h.days""".formatted(DateRange.SQL))
                .param("froms", DateRange.froms(ranges))
                .param("tos", DateRange.tos(ranges))
                .param("working", workingDays)
                .param("caseType", caseTypeId)
                .query((rs, i) -> counts.get(rs.getInt(1) - 1).add(new long[]{rs.getLong(2), rs.getLong(3)}))
                .list();
        for (int i = 0; i < ranges.size(); i++) {
            Aggregate a = result[i];
            if (a != null) {
                result[i] = new Aggregate(a.cases(), a.mean(), Percentile.of(counts.get(i), a.cases(), fraction), a.within(), a.total());
            }
        }
        return result;
    }

    /** The processing times of the cases decided in a range, sorted: for distributions. */
    public List<BigDecimal> sortedDays(long caseTypeId, DateRange range, boolean workingDays) {
        return jdbc.sql("""
                        select case when :working then working_days else calendar_days end as days from case_record
                        where case_type_id = :caseType and not is_open and last_decided_on between :from and :to
                          and (case when :working then working_days else calendar_days end) is not null
                        order by 1""")
                .param("working", workingDays)
                .param("caseType", caseTypeId)
                .param("from", java.sql.Date.valueOf(range.from()))
                .param("to", java.sql.Date.valueOf(range.to()))
                .query((rs, i) -> rs.getBigDecimal(1)).list();
    }

    /** Decided cases per range, counted once in the range of their last decision. */
    public long[] decidedCounts(long caseTypeId, List<DateRange> ranges) {
        long[] counts = new long[ranges.size()];
        jdbc.sql("""
                        select r.i, count(c.case_id) from %s
                        left join case_record c on c.case_type_id = :caseType and not c.is_open
                                               and c.last_decided_on between r.from_day and r.to_day
                        group by r.i""".formatted(DateRange.SQL))
                .param("froms", DateRange.froms(ranges))
                .param("tos", DateRange.tos(ranges))
                .param("caseType", caseTypeId)
                .query((rs, i) -> counts[rs.getInt(1) - 1] = rs.getLong(2))
                .list();
        return counts;
    }

    /** Cases still open at the end of each given day, and the age in calendar days of the oldest since receipt. */
    public List<OpenCases> openAt(long caseTypeId, List<LocalDate> periodEnds) {
        return jdbc.sql("""
                        with span as (
                            -- A case never reopened is open from its receipt to its decision; a reopened one's spans are kept.
                            select received_on, received_on as opened_on, last_decided_on as closed_on
                            from case_record where case_type_id = :caseType and not reopened
                            union all
                            select r.received_on, s.opened_on, s.closed_on
                            from case_span s join case_record r on r.case_type_id = s.case_type_id and r.case_id = s.case_id
                            where s.case_type_id = :caseType)
                        select e.end_date, count(*) as open_cases, max(e.end_date - s.received_on) as oldest
                        from unnest(cast(:ends as text[])::date[]) as e(end_date)
                        join span s on s.opened_on <= e.end_date and (s.closed_on is null or s.closed_on > e.end_date)
                        group by e.end_date""")
                .param("ends", periodEnds.stream().map(LocalDate::toString).toArray(String[]::new))
                .param("caseType", caseTypeId)
                .query((rs, i) -> new OpenCases(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    public Optional<LocalDate> firstReceived(long caseTypeId) {
        return jdbc.sql("select min(received_on) from case_record where case_type_id = ?").param(caseTypeId)
                .query(LocalDate.class).optional();
    }
}
