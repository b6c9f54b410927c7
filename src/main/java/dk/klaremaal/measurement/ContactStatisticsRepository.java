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

/**
 * Contact statistics. A contact belongs to the range holding the local date it was offered.
 * Shares within N count every offered contact in the denominator (abandoned and still pending
 * ones are not answered within N); response times are over answered contacts; the outcome share is
 * over answered contacts; missed contacts are the abandoned ones.
 */
@Repository
class ContactStatisticsRepository implements IndicatorCalculator {

    private final JdbcClient jdbc;

    ContactStatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<IndicatorKind> kinds() {
        return Set.of(IndicatorKind.CONTACTS);
    }

    @Override
    public Optional<LocalDate> firstDate(Goal goal) {
        return jdbc.sql("""
                        select min(offered_on) from contact
                        where organisation_id = ? and channel = ?""")
                .params(goal.organisationId(), goal.indicator().channel()).query(LocalDate.class).optional();
    }

    @Override
    public List<Measurement> measure(Goal goal, List<DateRange> ranges) {
        Indicator ind = goal.indicator();
        String wait = ind.withinSeconds() != null || ind.valueUnit() == Indicator.ValueUnit.SECONDS ? "wait_seconds"
                : ind.workingDays() ? "wait_working_days" : "wait_days";
        long within = ind.withinSeconds() != null ? ind.withinSeconds() : ind.withinDays() == null ? 0 : ind.withinDays();
        Measurement[] result = new Measurement[ranges.size()];
        jdbc.sql("""
                        select r.i, count(*) as offered, count(c.answered_at) as answered,
                               count(*) filter (where c.abandoned) as missed,
                               count(*) filter (where c.%1$s <= :within) as within,
                               count(*) filter (where c.answered_at is not null and c.outcome = :outcome) as with_outcome,
                               avg(c.%1$s) as mean, sum(c.%1$s)::numeric as total, count(c.%1$s) as counted%3$s
                        from %2$s
                        join contact c on c.organisation_id = :organisation and c.channel = :channel
                                      and c.offered_on between r.from_day and r.to_day
                        group by r.i""".formatted(wait, DateRange.SQL, Percentile.columnsIf(ind, "c." + wait)))
                .param("froms", DateRange.froms(ranges))
                .param("tos", DateRange.tos(ranges))
                .param("within", within)
                .param("outcome", ind.outcome() == null ? "" : ind.outcome())
                .param("fraction", ind.fraction())
                .param("organisation", goal.organisationId())
                .param("channel", ind.channel())
                .query((rs, i) -> {
                    long offered = rs.getLong("offered");
                    long answered = rs.getLong("answered");
                    BigDecimal mean = rs.getBigDecimal("mean");
                    BigDecimal pct = Percentile.valueIf(ind, rs);
                    boolean noAnswers = answered == 0;
                    Measurement m = switch (ind.statistic()) {
                        case SHARE_WITHIN -> Measurement.of(offered, Fraction.percent(rs.getLong("within"), offered));
                        case MISSED_COUNT -> new Measurement(offered, BigDecimal.valueOf(rs.getLong("missed")));
                        case SHARE_OUTCOME -> noAnswers ? null
                                : Measurement.of(answered, Fraction.percent(rs.getLong("with_outcome"), answered));
                        case MEAN -> noAnswers ? null : new Measurement(answered, weeks(ind, mean), null,
                                exactWeeks(ind, new Fraction(rs.getBigDecimal("total"), BigDecimal.valueOf(rs.getLong("counted")))), null);
                        default -> noAnswers ? null : new Measurement(answered, weeks(ind, pct), null, exactWeeks(ind, Fraction.of(pct)), null);
                    };
                    return result[rs.getInt("i") - 1] = m;
                })
                .list();
        return Arrays.asList(result);
    }

    private static Fraction exactWeeks(Indicator ind, Fraction value) {
        return ind.valueUnit() == Indicator.ValueUnit.WEEKS ? value.dividedBy(Fraction.of(BigDecimal.valueOf(7))) : value;
    }

    private static BigDecimal weeks(Indicator ind, BigDecimal value) {
        return ind.valueUnit() == Indicator.ValueUnit.WEEKS ? value.divide(BigDecimal.valueOf(7), MathContext.DECIMAL64) : value;
    }
}
