package dk.klaremaal.measurement;

import dk.klaremaal.goals.PeriodKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Processing-time statistics of decided cases, computed by PostgreSQL from the case records. */
@Repository
public class CaseStatisticsRepository {

    /**
     * One period's figures. {@code percentile} is PostgreSQL's percentile_cont: linear interpolation
     * between closest ranks, as NumPy's default and R's type 7.
     */
    public record PeriodAggregate(LocalDate periodStart, long cases, BigDecimal mean, Double percentile, long within) {
    }

    public record OpenCases(LocalDate periodEnd, long count, int oldestAgeDays) {
    }

    private static final String PERIOD_START = """
            (case :kind
                when 'year' then date_trunc('year', last_decided_on::timestamp)
                when 'quarter' then date_trunc('quarter', last_decided_on::timestamp)
                when 'month' then date_trunc('month', last_decided_on::timestamp)
                else make_date(extract(year from last_decided_on)::int,
                               case when extract(month from last_decided_on) <= 6 then 1 else 7 end, 1)::timestamp
             end)::date""";

    private final JdbcClient jdbc;

    public CaseStatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case belongs to the period of its last decision; open cases and cases without a counted time are left out. */
    public List<PeriodAggregate> aggregate(long caseTypeId, PeriodKind kind, boolean workingDays, double fraction, int withinDays) {
        return jdbc.sql("""
                        select period_start, count(*) as cases, avg(days) as mean,
                               percentile_cont(:fraction) within group (order by days) as percentile,
                               count(*) filter (where days <= :within) as within
                        from (select %s as period_start,
                                     case when :working then working_days else calendar_days end as days
                              from case_record
                              where case_type_id = :caseType and not is_open) decided
                        where days is not null
                        group by period_start
                        order by period_start""".formatted(PERIOD_START))
                .param("kind", kind.code())
                .param("fraction", fraction)
                .param("within", withinDays)
                .param("working", workingDays)
                .param("caseType", caseTypeId)
                .query((rs, i) -> new PeriodAggregate(rs.getDate("period_start").toLocalDate(), rs.getLong("cases"),
                        rs.getBigDecimal("mean"), rs.getDouble("percentile"), rs.getLong("within")))
                .list();
    }

    /** Cases still open at the end of each given day, and the age in calendar days of the oldest since receipt. */
    public List<OpenCases> openAt(long caseTypeId, List<LocalDate> periodEnds) {
        return jdbc.sql("""
                        select e.end_date, count(*) as open_cases, max(e.end_date - r.received_on) as oldest
                        from unnest(cast(:ends as text[])::date[]) as e(end_date)
                        join case_span s on s.case_type_id = :caseType and s.opened_on <= e.end_date
                                        and (s.closed_on is null or s.closed_on > e.end_date)
                        join case_record r on r.case_type_id = s.case_type_id and r.case_id = s.case_id
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
