package dk.klaremaal.communication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.ServiceGoalRepository;
import dk.klaremaal.catalogue.StatedTime;
import dk.klaremaal.catalogue.StatedTimeService;
import dk.klaremaal.goals.Direction;
import dk.klaremaal.goals.Fraction;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.IndicatorKind;
import dk.klaremaal.goals.Period;
import dk.klaremaal.measurement.ResultService;
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
import java.util.Map;
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

    /**
     * A case type's settings; the defaults apply where none are stored. The recent window of
     * {@code windowDays} needs {@code minCases} decided cases, the longer window of {@code longWindowDays}
     * (ending the same day) {@code longMinCases}.
     */
    public record Settings(BigDecimal share, Indicator.DayUnit dayUnit, int windowDays, int minCases, int longWindowDays, int longMinCases) {
        public static final Settings DEFAULT = new Settings(BigDecimal.valueOf(80), Indicator.DayUnit.CALENDAR, 90, 10, 1095, 5);
    }

    public record SettingsInput(BigDecimal share, String dayUnit, Integer windowDays, Integer minCases, Integer longWindowDays,
                                Integer longMinCases) {
        /** The recent window's settings only; the longer window's stay as they are. */
        public SettingsInput(BigDecimal share, String dayUnit, Integer windowDays, Integer minCases) {
            this(share, dayUnit, windowDays, minCases, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final GoalService goals;
    private final CatalogueService catalogue;
    private final StatedTimeService stated;
    private final ResultService results;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final dk.klaremaal.access.AuditTrail audit;
    private final ServiceGoalRepository serviceGoals;

    public ExpectedTimeService(JdbcClient jdbc, GoalService goals, CatalogueService catalogue, StatedTimeService stated,
                               ResultService results, WorkingDayCalendar calendar, Clock clock, dk.klaremaal.access.AccessPolicy access,
                               dk.klaremaal.access.AuditTrail audit, ServiceGoalRepository serviceGoals) {
        this.serviceGoals = serviceGoals;
        this.jdbc = jdbc;
        this.goals = goals;
        this.catalogue = catalogue;
        this.stated = stated;
        this.results = results;
        this.calendar = calendar;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
    }

    public Settings settings(long caseTypeId) {
        return jdbc.sql("""
                        select share, day_unit, window_days, min_cases, long_window_days, long_min_cases
                        from expected_time_setting where case_type_id = ?""")
                .param(caseTypeId)
                .query((rs, i) -> new Settings(rs.getBigDecimal(1), Indicator.DayUnit.fromCode(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6)))
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
        int longWindow = in.longWindowDays() == null ? current.longWindowDays() : in.longWindowDays();
        if (longWindow < 7 || longWindow > 3660) {
            problems.add(new FieldProblem("longWindowDays", "must be between 7 and 3660 days"));
        } else if (longWindow < window) {
            problems.add(new FieldProblem("longWindowDays", "must be at least windowDays (" + window + ")"));
        }
        int longMin = in.longMinCases() == null ? current.longMinCases() : in.longMinCases();
        if (longMin < 1) {
            problems.add(new FieldProblem("longMinCases", "must be at least 1"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                        insert into expected_time_setting (case_type_id, share, day_unit, window_days, min_cases, long_window_days, long_min_cases)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_type_id) do update set share = excluded.share, day_unit = excluded.day_unit,
                            window_days = excluded.window_days, min_cases = excluded.min_cases,
                            long_window_days = excluded.long_window_days, long_min_cases = excluded.long_min_cases""")
                .params(caseType.id(), share, unit.code(), window, min, longWindow, longMin).update();
        Settings after = settings(caseType.id());
        audit.record("expected_time_setting", caseType.id(), current, after);
        return after;
    }

    public ExpectedTime expected(CaseType caseType) {
        return expected(caseType, LocalDate.now(clock));
    }

    /**
     * The expected time as it stood on {@code asOf}: from the cases decided in the recent window ending that
     * day, else in the longer window, else a goal's target, else the case type's service goal, else the
     * organisation's stated time.
     */
    public ExpectedTime expected(CaseType caseType, LocalDate asOf) {
        Settings s = settings(caseType.id());
        LocalDate from = asOf.minusDays(s.windowDays() - 1L);
        LocalDate earlierFrom = asOf.minusDays(Math.max(s.longWindowDays(), s.windowDays()) - 1L);
        record Row(long cases, Integer days, long earlierCases, Integer earlierDays) {
        }
        // One pass over the longer window; the recent window is the part decided from :from on.
        Row row = jdbc.sql("""
                        select count(*) filter (where d.decided >= :from) as cases,
                               (array_agg(d.days order by d.days) filter (where d.decided >= :from))
                                   [greatest(ceil(cast(:fraction as numeric) * count(*) filter (where d.decided >= :from))::int, 1)] as days,
                               count(*) as earlier_cases,
                               (array_agg(d.days order by d.days))[greatest(ceil(cast(:fraction as numeric) * count(*))::int, 1)] as earlier_days
                        from (select case when :working then working_days else calendar_days end as days, last_decided_on as decided
                              from case_record
                              where case_type_id = :caseType and not is_open and last_decided_on between :earlierFrom and :to) d
                        where d.days is not null""")
                .param("fraction", s.share().movePointLeft(2))
                .param("working", s.dayUnit() == Indicator.DayUnit.WORKING)
                .param("caseType", caseType.id())
                .param("from", Date.valueOf(from))
                .param("earlierFrom", Date.valueOf(earlierFrom))
                .param("to", Date.valueOf(asOf))
                .query((rs, i) -> {
                    int days = rs.getInt("days");
                    Integer known = rs.wasNull() ? null : days;
                    int earlierDays = rs.getInt("earlier_days");
                    Integer earlierKnown = rs.wasNull() ? null : earlierDays;
                    return new Row(rs.getLong("cases"), known, rs.getLong("earlier_cases"), earlierKnown);
                }).single();
        // A sensitive case type's figure never rests on fewer than five cases, whatever the setting says.
        int fewest = caseType.sensitive() ? Math.max(s.minCases(), CaseType.FEWEST_PUBLISHED) : s.minCases();
        if (row.cases() >= fewest && row.days() != null) {
            return new ExpectedTime(caseType.id(), row.days(), s.dayUnit(), s.share(), ExpectedTime.Basis.MEASURED, row.cases(), from, asOf,
                    row.earlierCases(), earlierFrom, null, null, null);
        }
        int fewestEarlier = caseType.sensitive() ? Math.max(s.longMinCases(), CaseType.FEWEST_PUBLISHED) : s.longMinCases();
        if (row.earlierCases() >= fewestEarlier && row.earlierDays() != null) {
            return new ExpectedTime(caseType.id(), row.earlierDays(), s.dayUnit(), s.share(), ExpectedTime.Basis.EARLIER, row.cases(), from,
                    asOf, row.earlierCases(), earlierFrom, null, null, null);
        }
        Optional<Promise> promise = promise(caseType, asOf);
        if (promise.isPresent()) {
            Promise p = promise.get();
            return new ExpectedTime(caseType.id(), p.days(), p.unit(), s.share(), ExpectedTime.Basis.GOAL, row.cases(), from, asOf,
                    row.earlierCases(), earlierFrom, p.goalId(), p.target(), null);
        }
        // The service goal is the organisation's published promise for the whole category; a goal on the case type
        // itself is the more particular figure and comes first, the organisation's own unpublished estimate after.
        Optional<Integer> serviceGoal = serviceGoals.days(caseType.id());
        if (serviceGoal.isPresent()) {
            return new ExpectedTime(caseType.id(), serviceGoal.get(), Indicator.DayUnit.CALENDAR, s.share(), ExpectedTime.Basis.SERVICE_GOAL,
                    row.cases(), from, asOf, row.earlierCases(), earlierFrom, null, null, null);
        }
        Optional<StatedTime> statedTime = stated.stated(caseType);
        if (statedTime.isPresent()) {
            StatedTime st = statedTime.get();
            return new ExpectedTime(caseType.id(), st.days(), st.workingDays() ? Indicator.DayUnit.WORKING : Indicator.DayUnit.CALENDAR,
                    s.share(), ExpectedTime.Basis.STATED, row.cases(), from, asOf, row.earlierCases(), earlierFrom, null, null,
                    LocalDate.ofInstant(st.statedAt(), dk.klaremaal.platform.TimeConfiguration.ZONE));
        }
        return new ExpectedTime(caseType.id(), null, s.dayUnit(), s.share(), ExpectedTime.Basis.NONE, row.cases(), from, asOf,
                row.earlierCases(), earlierFrom, null, null, null);
    }

    /** A goal's promise: {@code target} in its own days (weeks × 7, hours ÷ 24), {@code days} that rounded up. */
    private record Promise(int days, BigDecimal target, Indicator.DayUnit unit, long goalId) {
    }

    /** The shortest time a published processing-time goal of the case type promises. */
    private Optional<Promise> promise(CaseType caseType, LocalDate asOf) {
        Organisation organisation = catalogue.organisation(caseType.organisationId());
        return goals.goalsOf(organisation).stream()
                .filter(g -> g.caseTypeId() != null && g.caseTypeId() == caseType.id())
                .filter(g -> g.indicator().kind() == IndicatorKind.PROCESSING_TIME)
                .map(g -> promiseOf(g, asOf))
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(Promise::days).thenComparing(Promise::goalId));
    }

    /**
     * What one goal promises: a share-within goal its deadline; a mean, median or percentile goal its
     * target for the period holding the day (else the latest before it, else the first after it), or the
     * target relative to its baseline, or else the bound of its scale's best level ("✓ if ≤ 15 days").
     */
    private Optional<Promise> promiseOf(Goal goal, LocalDate asOf) {
        Indicator ind = goal.indicator();
        if (ind.statistic() == Indicator.Statistic.SHARE_WITHIN) {
            return ind.withinDays() == null ? Optional.empty()
                    : Optional.of(new Promise(ind.withinDays(), BigDecimal.valueOf(ind.withinDays()), ind.dayUnit(), goal.id()));
        }
        Optional<BigDecimal> target = goal.target(Period.containing(goal.periodKind(), asOf))
                .or(() -> goal.targets().entrySet().stream().filter(e -> !e.getKey().start().isAfter(asOf))
                        .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue))
                .or(() -> goal.targets().entrySet().stream().min(Map.Entry.comparingByKey()).map(Map.Entry::getValue));
        if (target.isEmpty() && goal.baseline() != null) {
            target = results.baselineValue(goal).map(v -> goal.baseline().target(Fraction.of(v)).decimal());
        }
        if (target.isEmpty() && goal.scaleBasis() == Goal.ScaleBasis.ABSOLUTE && goal.scale().direction() == Direction.LOWER_IS_BETTER) {
            target = goal.scale().levels().stream().filter(l -> l.status().rank() == 0 && l.upper() != null)
                    .map(l -> l.upper().value()).min(Comparator.naturalOrder());
        }
        return target.flatMap(t -> inDays(t, ind.valueUnit()))
                .filter(days -> days.signum() > 0)
                .map(days -> new Promise(days.setScale(0, RoundingMode.CEILING).intValueExact(), days, ind.dayUnit(), goal.id()));
    }

    private static Optional<BigDecimal> inDays(BigDecimal value, Indicator.ValueUnit unit) {
        return switch (unit) {
            case DAYS -> Optional.of(value);
            case WEEKS -> Optional.of(value.multiply(BigDecimal.valueOf(7)));
            case HOURS -> Optional.of(value.divide(BigDecimal.valueOf(24), 10, RoundingMode.HALF_UP));
            default -> Optional.empty();
        };
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
