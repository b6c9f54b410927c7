package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.Series;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.goals.Fraction;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.IndicatorKind;
import dk.klaremaal.goals.Period;
import dk.klaremaal.goals.PeriodKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts, ratios and reported values from reported series (the newest report of each period
 * counts) and from decided cases. A reported period counts in a range that holds all of it; the
 * series' aggregation adds periods up (sum), takes the latest (last) or averages them (mean).
 * A ratio is 100 × numerator ÷ denominator, both summed over the range.
 */
@Repository
public class SeriesStatisticsRepository implements IndicatorCalculator {

    /** A value as reported, with who reported it and when. */
    public record ReportedValue(Period period, BigDecimal value, String note, String reportedBy, Instant reportedAt, boolean current) {
    }

    private final JdbcClient jdbc;
    private final SourceRepository sources;
    private final CaseStatisticsRepository cases;

    SeriesStatisticsRepository(JdbcClient jdbc, SourceRepository sources, CaseStatisticsRepository cases) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.cases = cases;
    }

    @Override
    public Set<IndicatorKind> kinds() {
        return Set.of(IndicatorKind.COUNT, IndicatorKind.RATIO, IndicatorKind.REPORTED);
    }

    @Override
    public Optional<LocalDate> firstDate(Goal goal) {
        Indicator ind = goal.indicator();
        if (ind.seriesId() == null) {
            return cases.firstReceived(goal.caseTypeId());
        }
        return jdbc.sql("select min(period_start) from series_value where series_id = ?").param(ind.seriesId())
                .query(LocalDate.class).optional();
    }

    @Override
    public List<Measurement> measure(Goal goal, List<DateRange> ranges) {
        Indicator ind = goal.indicator();
        List<Measurement> result = new ArrayList<>();
        if (ind.seriesId() == null) {
            long[] decided = cases.decidedCounts(goal.caseTypeId(), ranges);
            for (long n : decided) {
                result.add(new Measurement(n, BigDecimal.valueOf(n)));
            }
            return result;
        }
        Series series = sources.findSeriesById(ind.seriesId()).orElseThrow();
        Aggregate[] numerator = aggregate(series, ranges);
        if (ind.kind() != IndicatorKind.RATIO) {
            for (Aggregate a : numerator) {
                result.add(a == null ? null : new Measurement(a.periods(), a.value()));
            }
            return result;
        }
        BigDecimal[] denominator = new BigDecimal[ranges.size()];
        if (ind.denominatorSeriesId() != null) {
            Aggregate[] d = aggregate(sources.findSeriesById(ind.denominatorSeriesId()).orElseThrow(), ranges);
            for (int i = 0; i < d.length; i++) {
                denominator[i] = d[i] == null ? null : d[i].value();
            }
        } else {
            long[] decided = cases.decidedCounts(goal.caseTypeId(), ranges);
            for (int i = 0; i < decided.length; i++) {
                denominator[i] = BigDecimal.valueOf(decided[i]);
            }
        }
        for (int i = 0; i < ranges.size(); i++) {
            Aggregate n = numerator[i];
            BigDecimal d = denominator[i];
            result.add(n == null || d == null || d.signum() == 0 ? null
                    : Measurement.of(d.longValue(), Fraction.of(n.value()).times(Fraction.HUNDRED).dividedBy(Fraction.of(d))));
        }
        return result;
    }

    private record Aggregate(long periods, BigDecimal value) {
    }

    private Aggregate[] aggregate(Series series, List<DateRange> ranges) {
        Aggregate[] result = new Aggregate[ranges.size()];
        String value = switch (series.aggregation()) {
            case SUM -> "sum(v.value)";
            case MEAN -> "avg(v.value)";
            case LAST -> "(array_agg(v.value order by v.period_start desc))[1]";
        };
        jdbc.sql("""
                        with current_values as (
                            select distinct on (period_kind, period_start) period_kind, period_start, value
                            from series_value where series_id = :series
                            order by period_kind, period_start, reported_at desc, id desc)
                        select r.i, count(*) as periods, %s as value
                        from %s
                        join current_values v on v.period_start >= r.from_day and %s <= r.to_day
                        group by r.i""".formatted(value, DateRange.SQL, SurveyStatisticsRepository.PERIOD_END.replace("period_", "v.period_")))
                .param("froms", DateRange.froms(ranges))
                .param("tos", DateRange.tos(ranges))
                .param("series", series.id())
                .query((rs, i) -> result[rs.getInt("i") - 1] = new Aggregate(rs.getLong("periods"), rs.getBigDecimal("value")))
                .list();
        return result;
    }

    /** Every report of a series, newest first, each marked whether it is the one that counts. */
    public List<ReportedValue> history(long seriesId) {
        return jdbc.sql("""
                        select period_kind, period_start, value, note, reported_by, reported_at,
                               row_number() over (partition by period_kind, period_start order by reported_at desc, id desc) = 1 as current
                        from series_value where series_id = ?
                        order by period_start desc, reported_at desc, id desc""")
                .param(seriesId)
                .query((rs, i) -> new ReportedValue(new Period(PeriodKind.fromCode(rs.getString(1)), rs.getDate(2).toLocalDate()),
                        rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getBoolean(7)))
                .list();
    }
}
