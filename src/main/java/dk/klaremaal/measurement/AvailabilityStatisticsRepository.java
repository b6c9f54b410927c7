package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.MonitoredSystem;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.goals.Fraction;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.IndicatorKind;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Uptime in percent of a range. With probes: the share of probes that found the system up. With
 * reported downtime: 100 × (1 − down time ÷ the range's time), where overlapping downtime counts
 * once, and the range runs from local midnight at its start (or the day monitoring began) to local
 * midnight after its end (or now, for a range not yet over, or the end of monitoring). A system that has probes is measured
 * by its probes.
 */
@Repository
class AvailabilityStatisticsRepository implements IndicatorCalculator {

    private final JdbcClient jdbc;
    private final SourceRepository sources;
    private final Clock clock;

    AvailabilityStatisticsRepository(JdbcClient jdbc, SourceRepository sources, Clock clock) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public Set<IndicatorKind> kinds() {
        return Set.of(IndicatorKind.AVAILABILITY);
    }

    @Override
    public Optional<LocalDate> firstDate(Goal goal) {
        return sources.findSystem(goal.indicator().systemId()).map(MonitoredSystem::monitoredFrom);
    }

    @Override
    public Optional<LocalDate> lastDate(Goal goal) {
        return sources.findSystem(goal.indicator().systemId()).map(MonitoredSystem::monitoredTo);
    }

    @Override
    public List<Measurement> measure(Goal goal, List<DateRange> ranges) {
        MonitoredSystem system = sources.findSystem(goal.indicator().systemId()).orElseThrow();
        boolean probes = jdbc.sql("select exists (select 1 from availability_probe where system_id = ?)").param(system.id())
                .query(Boolean.class).single();
        Measurement[] result = new Measurement[ranges.size()];
        if (probes) {
            jdbc.sql("""
                            select r.i, count(*), count(*) filter (where p.up) from %s
                            join availability_probe p on p.system_id = :system
                                 and (p.probed_at at time zone 'Europe/Copenhagen')::date between r.from_day and r.to_day
                            group by r.i""".formatted(DateRange.SQL))
                    .param("froms", DateRange.froms(ranges))
                    .param("tos", DateRange.tos(ranges))
                    .param("system", system.id())
                    .query((rs, i) -> result[rs.getInt(1) - 1] = Measurement.of(rs.getLong(2), Fraction.percent(rs.getLong(3), rs.getLong(2))))
                    .list();
            return Arrays.asList(result);
        }
        jdbc.sql("""
                        select r.i, extract(epoch from b.hi - b.lo) as window_seconds,
                               (select count(*) from downtime d where d.system_id = :system
                                    and d.started_at < b.hi and d.ended_at > b.lo) as intervals,
                               coalesce((select sum(extract(epoch from upper(x) - lower(x)))
                                         from unnest((select range_agg(tstzrange(d.started_at, d.ended_at)) from downtime d
                                                      where d.system_id = :system and d.started_at < b.hi and d.ended_at > b.lo)
                                                     * tstzmultirange(tstzrange(b.lo, b.hi))) as x), 0) as down_seconds
                        from %s
                        cross join lateral (
                            select greatest(r.from_day, cast(:monitoredFrom as date))::timestamp at time zone 'Europe/Copenhagen' as lo,
                                   least((least(r.to_day, cast(:monitoredTo as date)) + 1)::timestamp at time zone 'Europe/Copenhagen',
                                         cast(:now as timestamptz)) as hi) b
                        where b.lo < b.hi""".formatted(DateRange.SQL))
                .param("froms", DateRange.froms(ranges))
                .param("tos", DateRange.tos(ranges))
                .param("system", system.id())
                .param("monitoredFrom", Date.valueOf(system.monitoredFrom()))
                .param("monitoredTo", Date.valueOf(system.monitoredTo() == null ? LocalDate.of(9999, 12, 31) : system.monitoredTo()))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> {
                    BigDecimal window = rs.getBigDecimal("window_seconds");
                    BigDecimal down = rs.getBigDecimal("down_seconds");
                    Fraction up = Fraction.HUNDRED.times(new Fraction(window.subtract(down), window));
                    return result[rs.getInt("i") - 1] = Measurement.of(rs.getLong("intervals"), up);
                })
                .list();
        return Arrays.asList(result);
    }
}
