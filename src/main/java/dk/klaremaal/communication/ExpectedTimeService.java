package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.IndicatorKind;
import dk.klaremaal.goals.Period;
import dk.klaremaal.measurement.WorkingDayCalendar;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the expected processing time of a case type as of a day: the nearest-rank percentile of
 * the processing times of the cases decided in the window of days up to and including that day.
 */
@Service
public class ExpectedTimeService {

    private final dk.klaremaal.access.AccessPolicy access;

    /** A case type's settings; the defaults apply where none are stored. */
    public record Settings(BigDecimal share, Indicator.DayUnit dayUnit, int windowDays, int minCases) {
        public static final Settings DEFAULT = new Settings(BigDecimal.valueOf(80), Indicator.DayUnit.CALENDAR, 90, 10);
    }

    public record SettingsInput(BigDecimal share, String dayUnit, Integer windowDays, Integer minCases) {
    }

    private final JdbcClient jdbc;
    private final GoalService goals;
    private final CatalogueService catalogue;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public ExpectedTimeService(JdbcClient jdbc, GoalService goals, CatalogueService catalogue, WorkingDayCalendar calendar, Clock clock,
                               dk.klaremaal.access.AccessPolicy access) {
        this.jdbc = jdbc;
        this.goals = goals;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.clock = clock;
        this.access = access;
    }

    public Settings settings(long caseTypeId) {
        return jdbc.sql("select share, day_unit, window_days, min_cases from expected_time_setting where case_type_id = ?")
                .param(caseTypeId)
                .query((rs, i) -> new Settings(rs.getBigDecimal(1), Indicator.DayUnit.fromCode(rs.getString(2)), rs.getInt(3), rs.getInt(4)))
                .optional().orElse(Settings.DEFAULT);
    }

    @Transactional
    public Settings configure(CaseType caseType, SettingsInput in) {
        access.check(dk.klaremaal.access.AccessPolicy.Action.EDIT, caseType.organisationId());
        Settings current = settings(caseType.id());
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal share = in.share() == null ? current.share() : in.share();
        if (share.signum() <= 0 || share.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new FieldProblem("share", "must be above 0 and at most 100"));
        }
        Indicator.DayUnit unit = current.dayUnit();
        if (in.dayUnit() != null) {
            try {
                unit = Indicator.DayUnit.fromCode(in.dayUnit());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("dayUnit", e.getMessage()));
            }
        }
        int window = in.windowDays() == null ? current.windowDays() : in.windowDays();
        if (window < 7 || window > 3660) {
            problems.add(new FieldProblem("windowDays", "must be between 7 and 3660 days"));
        }
        int min = in.minCases() == null ? current.minCases() : in.minCases();
        if (min < 1) {
            problems.add(new FieldProblem("minCases", "must be at least 1"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                        insert into expected_time_setting (case_type_id, share, day_unit, window_days, min_cases) values (?, ?, ?, ?, ?)
                        on conflict (case_type_id) do update set share = excluded.share, day_unit = excluded.day_unit,
                            window_days = excluded.window_days, min_cases = excluded.min_cases""")
                .params(caseType.id(), share, unit.code(), window, min).update();
        return settings(caseType.id());
    }

    public ExpectedTime expected(CaseType caseType) {
        return expected(caseType, LocalDate.now(clock));
    }

    /** The expected time as it stood on {@code asOf}: from the cases decided in the window ending that day. */
    public ExpectedTime expected(CaseType caseType, LocalDate asOf) {
        Settings s = settings(caseType.id());
        LocalDate from = asOf.minusDays(s.windowDays() - 1L);
        record Row(long cases, Integer days) {
        }
        Row row = jdbc.sql("""
                        select count(*) as cases,
                               (array_agg(d.days order by d.days))[greatest(ceil(cast(:fraction as numeric) * count(*))::int, 1)] as days
                        from (select case when :working then working_days else calendar_days end as days
                              from case_record
                              where case_type_id = :caseType and not is_open and last_decided_on between :from and :to) d
                        where d.days is not null""")
                .param("fraction", s.share().movePointLeft(2))
                .param("working", s.dayUnit() == Indicator.DayUnit.WORKING)
                .param("caseType", caseType.id())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(asOf))
                .query((rs, i) -> {
                    int days = rs.getInt("days");
                    Integer known = rs.wasNull() ? null : days;
                    return new Row(rs.getLong("cases"), known);
                }).single();
        // A sensitive case type's figure never rests on fewer than five cases, whatever the setting says.
        int fewest = caseType.sensitive() ? Math.max(s.minCases(), CaseType.FEWEST_PUBLISHED) : s.minCases();
        if (row.cases() >= fewest && row.days() != null) {
            return new ExpectedTime(caseType.id(), row.days(), s.dayUnit(), s.share(), ExpectedTime.Basis.MEASURED, row.cases(), from, asOf, null);
        }
        return promise(caseType, asOf).map(p -> new ExpectedTime(caseType.id(), p.days(), p.unit(), s.share(), ExpectedTime.Basis.GOAL,
                        row.cases(), from, asOf, p.goalId()))
                .orElse(new ExpectedTime(caseType.id(), null, s.dayUnit(), s.share(), ExpectedTime.Basis.NONE, row.cases(), from, asOf, null));
    }

    private record Promise(int days, Indicator.DayUnit unit, long goalId) {
    }

    /**
     * The time a processing-time goal of the case type promises: its deadline for a share-within goal,
     * or its target in days (weeks × 7, rounded up) for the period holding the day.
     */
    private Optional<Promise> promise(CaseType caseType, LocalDate asOf) {
        Organisation organisation = catalogue.organisation(caseType.organisationId());
        return goals.goalsOf(organisation).stream()
                .filter(g -> g.caseTypeId() != null && g.caseTypeId() == caseType.id())
                .filter(g -> g.indicator().kind() == IndicatorKind.PROCESSING_TIME && g.scaleBasis() == Goal.ScaleBasis.ABSOLUTE)
                .map(g -> promiseOf(g, asOf))
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(Promise::days));
    }

    private static Optional<Promise> promiseOf(Goal goal, LocalDate asOf) {
        Indicator ind = goal.indicator();
        if (ind.statistic() == Indicator.Statistic.SHARE_WITHIN) {
            return Optional.of(new Promise(ind.withinDays(), ind.dayUnit(), goal.id()));
        }
        Optional<BigDecimal> target = goal.target(Period.containing(goal.periodKind(), asOf))
                .or(() -> goal.targets().entrySet().stream().filter(e -> !e.getKey().start().isAfter(asOf))
                        .max(java.util.Map.Entry.comparingByKey()).map(java.util.Map.Entry::getValue));
        return target.map(t -> ind.valueUnit() == Indicator.ValueUnit.WEEKS ? t.multiply(BigDecimal.valueOf(7)) : t)
                .map(days -> new Promise(days.setScale(0, RoundingMode.CEILING).intValueExact(), ind.dayUnit(), goal.id()));
    }

    /** The day a case received on {@code received} can expect its decision, counting calendar or working days. */
    public LocalDate expectedDate(CaseType caseType, ExpectedTime expected, LocalDate received) {
        if (!expected.known()) {
            return null;
        }
        if (expected.dayUnit() == Indicator.DayUnit.WORKING) {
            return calendar.addWorkingDays(received, expected.days(), catalogue.organisation(caseType.organisationId()).closingDays());
        }
        return received.plusDays(expected.days());
    }

}
