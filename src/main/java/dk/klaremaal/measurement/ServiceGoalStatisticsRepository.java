package dk.klaremaal.measurement;

import dk.klaremaal.goals.Fraction;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.IndicatorKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service-goal agreement's figures, computed by PostgreSQL: the decided cases of every case type of a service
 * that has a service goal, each judged against its own case type's days (calendar days by the case type's clock:
 * from the complete application where it starts there, pauses deducted where it deducts them), and their mean.
 * A case belongs to the range of its last decision; open cases and cases without a counted time are left out, as
 * for a single case type's processing time.
 */
@Repository
public class ServiceGoalStatisticsRepository implements IndicatorCalculator {

    private static final BigDecimal SEVEN = BigDecimal.valueOf(7);

    /** One range's (or one case type's) figures: decided cases, those within their service goal, and their days added up. */
    public record Aggregate(long cases, long within, BigDecimal total) {

        public Fraction share() {
            return Fraction.percent(within, cases);
        }

        public Fraction mean() {
            return new Fraction(total, BigDecimal.valueOf(cases));
        }
    }

    /** A case type's figures in one range, for showing each category beside the whole. */
    public record CaseTypeFigures(String code, String name, int serviceGoalDays, boolean sensitive, Aggregate aggregate) {
    }

    private final JdbcClient jdbc;

    public ServiceGoalStatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<IndicatorKind> kinds() {
        return Set.of(IndicatorKind.SERVICE_GOAL);
    }

    @Override
    public Optional<LocalDate> firstDate(Goal goal) {
        return jdbc.sql("""
                        select min(r.received_on) from case_record r
                        join case_type t on t.id = r.case_type_id
                        join case_type_service_goal g on g.case_type_id = r.case_type_id
                        where t.service_id = ?""")
                .param(goal.indicator().serviceId())
                .query(LocalDate.class).optional();
    }

    @Override
    public List<Measurement> measure(Goal goal, List<DateRange> ranges) {
        Indicator indicator = goal.indicator();
        Aggregate[] aggregates = aggregate(indicator.serviceId(), ranges);
        return Arrays.stream(aggregates).map(a -> a == null ? null : Measurement.of(a.cases(), exact(indicator, a))).toList();
    }

    /** The share as within × 100 over the cases; the mean as the sum of days over the cases (in weeks: ÷ 7). */
    static Fraction exact(Indicator indicator, Aggregate aggregate) {
        if (indicator.statistic() == Indicator.Statistic.MEAN) {
            Fraction mean = aggregate.mean();
            return indicator.valueUnit() == Indicator.ValueUnit.WEEKS ? mean.dividedBy(Fraction.of(SEVEN)) : mean;
        }
        return aggregate.share();
    }

    /**
     * Per range: null where no case of the service's case types with a service goal was decided in it. Ranges of whole
     * months (all periods goals are measured over) are read from the monthly histograms {@code case_days}; any other
     * range from the case records.
     */
    public Aggregate[] aggregate(long serviceId, List<DateRange> ranges) {
        Aggregate[] result = new Aggregate[ranges.size()];
        boolean months = ranges.stream().allMatch(CaseStatisticsRepository::wholeMonths);
        String sql = months ? """
                select r.i, sum(h.cases) as cases, coalesce(sum(h.cases) filter (where h.days <= g.days), 0) as within,
                       sum(h.cases::numeric * h.days) as total
                from %s
                join case_days h on not h.working and h.month between r.from_day and r.to_day
                join case_type t on t.id = h.case_type_id and t.service_id = :service
                join case_type_service_goal g on g.case_type_id = h.case_type_id
                group by r.i""" : """
                select r.i, count(*) as cases, count(*) filter (where c.calendar_days <= g.days) as within,
                       sum(c.calendar_days)::numeric as total
                from %s
                join case_record c on not c.is_open and c.calendar_days is not null and c.last_decided_on between r.from_day and r.to_day
                join case_type t on t.id = c.case_type_id and t.service_id = :service
                join case_type_service_goal g on g.case_type_id = c.case_type_id
                group by r.i""";
        jdbc.sql(sql.formatted(DateRange.SQL))
                .param("froms", DateRange.froms(ranges))
                .param("tos", DateRange.tos(ranges))
                .param("service", serviceId)
                .query((rs, i) -> result[rs.getInt("i") - 1] = new Aggregate(rs.getLong("cases"), rs.getLong("within"),
                        rs.getBigDecimal("total")))
                .list();
        return result;
    }

    /**
     * Each case type of the service with a service goal, whether it is sensitive, and its figures in the range (zero cases
     * where none was decided).
     */
    public List<CaseTypeFigures> byCaseType(long serviceId, DateRange range) {
        return jdbc.sql("""
                        select t.code, t.name, t.sensitive, g.days as goal, coalesce(sum(h.cases), 0) as cases,
                               coalesce(sum(h.cases) filter (where h.days <= g.days), 0) as within,
                               coalesce(sum(h.cases::numeric * h.days), 0) as total
                        from case_type t
                        join case_type_service_goal g on g.case_type_id = t.id
                        left join case_days h on h.case_type_id = t.id and not h.working and h.month between :from and :to
                        where t.service_id = :service
                        group by t.id, t.code, t.name, t.sensitive, g.days
                        order by g.days, t.name""")
                .param("service", serviceId)
                .param("from", java.sql.Date.valueOf(range.from().withDayOfMonth(1)))
                .param("to", java.sql.Date.valueOf(range.to()))
                .query((rs, i) -> new CaseTypeFigures(rs.getString("code"), rs.getString("name"), rs.getInt("goal"), rs.getBoolean("sensitive"),
                        new Aggregate(rs.getLong("cases"), rs.getLong("within"), rs.getBigDecimal("total"))))
                .list();
    }

    /** The ids of the service's case types that have a service goal. */
    public List<Long> caseTypes(long serviceId) {
        return jdbc.sql("""
                        select t.id from case_type t join case_type_service_goal g on g.case_type_id = t.id
                        where t.service_id = ? order by t.id""")
                .param(serviceId).query(Long.class).list();
    }
}
