package dk.klaremaal.goals;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GoalRepository {

    private final JdbcClient jdbc;

    public GoalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Goal goal) {
        Indicator ind = goal.indicator();
        Goal.Baseline baseline = goal.baseline();
        long id = jdbc.sql("""
                        insert into goal (organisation_id, case_type_id, code, sentence, dimension, indicator_kind, statistic,
                            percentile, within_days, within_seconds, day_unit, value_unit, channel, outcome, survey_question_id,
                            score_level, secondary_score_level, system_id, series_id, denominator_series_id, service_id, period_kind,
                            scale_kind, scale_direction, scale_basis, baseline_period, baseline_value, change_num, change_den, indicator_key, state,
                            min_observations)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(goal.organisationId(), goal.caseTypeId(), goal.code(), goal.sentence(), goal.dimension(), ind.kind().code(),
                        ind.statistic().code(), ind.percentile(), ind.withinDays(), ind.withinSeconds(), ind.dayUnit().code(),
                        ind.valueUnit().code(), ind.channel(), ind.outcome(), ind.surveyQuestionId(), ind.scoreLevel(),
                        ind.secondaryScoreLevel(), ind.systemId(), ind.seriesId(), ind.denominatorSeriesId(), ind.serviceId(), goal.periodKind().code(),
                        goal.scale().kind().code(), goal.scale().direction().code(), goal.scaleBasis().code(),
                        baseline == null ? null : baseline.period().key(), baseline == null ? null : baseline.value(),
                        baseline == null ? null : baseline.changeNumerator(), baseline == null ? null : baseline.changeDenominator(),
                        goal.indicatorKey(), goal.state().code(), goal.minObservations())
                .query(Long.class).single();
        insertLevels(id, 0, goal.scale());
        if (goal.secondaryScale() != null) {
            insertLevels(id, 1, goal.secondaryScale());
        }
        goal.targets().forEach((period, target) ->
                jdbc.sql("insert into goal_target (goal_id, period_kind, period_start, target) values (?, ?, ?, ?)")
                        .params(id, period.kind().code(), Date.valueOf(period.start()), target).update());
        for (Goal.Milestone m : goal.milestones()) {
            jdbc.sql("insert into goal_milestone (goal_id, position, title, due_on) values (?, ?, ?, ?)")
                    .params(id, m.position(), m.title(), Date.valueOf(m.dueOn())).update();
        }
        return id;
    }

    private void insertLevels(long goalId, int component, Scale scale) {
        int position = 0;
        for (ScaleLevel level : scale.levels()) {
            jdbc.sql("""
                            insert into goal_scale_level (goal_id, component, position, status, label, lower_value, lower_inclusive,
                                upper_value, upper_inclusive) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(goalId, component, position++, level.status().code(), level.label(),
                            level.lower() == null ? null : level.lower().value(), level.lower() == null || level.lower().inclusive(),
                            level.upper() == null ? null : level.upper().value(), level.upper() == null || level.upper().inclusive())
                    .update();
        }
    }

    /** Records that a milestone was reached, with the evidence and who reported it. */
    public boolean markMilestone(long goalId, int position, java.time.LocalDate doneOn, String evidence, String reportedBy) {
        return jdbc.sql("""
                        update goal_milestone set done_on = ?, evidence = ?, reported_by = ?, reported_at = now()
                        where goal_id = ? and position = ?""")
                .params(doneOn == null ? null : Date.valueOf(doneOn), evidence, doneOn == null ? null : reportedBy, goalId, position)
                .update() == 1;
    }

    public Optional<Goal> find(long id) {
        return load("where g.id = ?", id).stream().findFirst();
    }

    /** The organisation's current goals (not the versions that were replaced). */
    public List<Goal> findByOrganisation(long organisationId) {
        return load("where g.organisation_id = ? and g.superseded_at is null and g.state = 'published'", organisationId);
    }

    /** The organisation's goals that are not published yet (drafts, submitted, approved). */
    public List<Goal> findUnpublished(long organisationId) {
        return load("where g.organisation_id = ? and g.superseded_at is null and g.state <> 'published'", organisationId);
    }

    public void changeState(long goalId, Goal.State state, String by) {
        jdbc.sql("update goal set state = ?, state_changed_by = ?, state_changed_at = now() where id = ?")
                .params(state.code(), by, goalId).update();
    }

    public List<Goal> findAll() {
        return load("where g.superseded_at is null and g.state = 'published' and ? = ?", 1, 1);
    }

    public List<Goal> findByIndicatorKey(String key) {
        return load("where g.indicator_key = ? and g.superseded_at is null and g.state = 'published'", key);
    }

    public Optional<Goal> findSuccessor(long goalId) {
        return load("where g.previous_id = ?", goalId).stream().findFirst();
    }

    /** Marks a goal as replaced; its code is then free for the new version. */
    public void supersede(long goalId) {
        jdbc.sql("update goal set superseded_at = now() where id = ? and superseded_at is null").param(goalId).update();
    }

    /** Links a new version to the one it replaces and carries the institution's comments over. */
    public void linkVersion(long newId, long previousId) {
        jdbc.sql("update goal set previous_id = ? where id = ?").params(previousId, newId).update();
        jdbc.sql("""
                        insert into goal_comment (goal_id, period_kind, period_start, comment, written_by, written_at)
                        select ?, period_kind, period_start, comment, written_by, written_at from goal_comment where goal_id = ?""")
                .params(newId, previousId).update();
    }

    /** Every indicator key in use, with how many goals share it. */
    public Map<String, Long> indicatorKeys() {
        Map<String, Long> keys = new java.util.TreeMap<>();
        jdbc.sql("select indicator_key, count(*) from goal where indicator_key is not null group by indicator_key")
                .query((ResultSet rs) -> {
                    keys.put(rs.getString(1), rs.getLong(2));
                });
        return keys;
    }

    private List<Goal> load(String where, Object... params) {
        record Row(long id, long organisationId, Long caseTypeId, String code, String sentence, String dimension,
                   Indicator indicator, PeriodKind periodKind, ScaleKind scaleKind, Direction direction, Goal.ScaleBasis basis,
                   Goal.Baseline baseline, String indicatorKey, Long previousId, java.time.Instant createdAt,
                   java.time.Instant supersededAt, Goal.State state, int minObservations) {
        }
        List<Row> rows = jdbc.sql("select g.* from goal g " + where + " order by g.code nulls last, g.id")
                .params(params)
                .query((rs, i) -> {
                    Indicator indicator = new Indicator(IndicatorKind.fromCode(rs.getString("indicator_kind")),
                            Indicator.Statistic.fromCode(rs.getString("statistic")), rs.getBigDecimal("percentile"),
                            integer(rs, "within_days"), integer(rs, "within_seconds"), Indicator.DayUnit.fromCode(rs.getString("day_unit")),
                            Indicator.ValueUnit.fromCode(rs.getString("value_unit")), rs.getString("channel"), rs.getString("outcome"),
                            longOrNull(rs, "survey_question_id"), integer(rs, "score_level"), integer(rs, "secondary_score_level"),
                            longOrNull(rs, "system_id"), longOrNull(rs, "series_id"), longOrNull(rs, "denominator_series_id"),
                            longOrNull(rs, "service_id"));
                    String baselinePeriod = rs.getString("baseline_period");
                    Goal.Baseline baseline = baselinePeriod == null ? null : new Goal.Baseline(Period.parse(baselinePeriod),
                            rs.getBigDecimal("baseline_value"), rs.getBigDecimal("change_num"), rs.getBigDecimal("change_den"));
                    return new Row(rs.getLong("id"), rs.getLong("organisation_id"), longOrNull(rs, "case_type_id"), rs.getString("code"),
                            rs.getString("sentence"), rs.getString("dimension"), indicator,
                            PeriodKind.fromCode(rs.getString("period_kind")), ScaleKind.fromCode(rs.getString("scale_kind")),
                            Direction.fromCode(rs.getString("scale_direction")), Goal.ScaleBasis.fromCode(rs.getString("scale_basis")),
                            baseline, rs.getString("indicator_key"), longOrNull(rs, "previous_id"), rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("superseded_at") == null ? null : rs.getTimestamp("superseded_at").toInstant(),
                            Goal.State.fromCode(rs.getString("state")), rs.getInt("min_observations"));
                }).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<ScaleLevel>> levels = new HashMap<>();
        Map<Long, List<ScaleLevel>> secondaryLevels = new HashMap<>();
        jdbc.sql("select * from goal_scale_level where goal_id = any(?) order by goal_id, component, position").param(ids)
                .query((ResultSet rs) -> {
                    (rs.getInt("component") == 0 ? levels : secondaryLevels)
                            .computeIfAbsent(rs.getLong("goal_id"), k -> new ArrayList<>()).add(level(rs));
                });
        Map<Long, Map<Period, BigDecimal>> targets = new HashMap<>();
        jdbc.sql("select goal_id, period_kind, period_start, target from goal_target where goal_id = any(?)").param(ids)
                .query((ResultSet rs) -> {
                    targets.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(new Period(PeriodKind.fromCode(rs.getString(2)), rs.getDate(3).toLocalDate()), rs.getBigDecimal(4));
                });
        Map<Long, List<Goal.Milestone>> milestones = new HashMap<>();
        jdbc.sql("select * from goal_milestone where goal_id = any(?) order by goal_id, position").param(ids)
                .query((ResultSet rs) -> {
                    Date done = rs.getDate("done_on");
                    Timestamp at = rs.getTimestamp("reported_at");
                    milestones.computeIfAbsent(rs.getLong("goal_id"), k -> new ArrayList<>()).add(new Goal.Milestone(
                            rs.getInt("position"), rs.getString("title"), rs.getDate("due_on").toLocalDate(),
                            done == null ? null : done.toLocalDate(), rs.getString("evidence"), rs.getString("reported_by"),
                            at == null ? null : at.toInstant()));
                });
        return rows.stream().map(r -> new Goal(r.id(), r.organisationId(), r.caseTypeId(), r.code(), r.sentence(), r.dimension(),
                r.indicator(), r.periodKind(), new Scale(r.scaleKind(), r.direction(), levels.getOrDefault(r.id(), List.of())),
                secondaryLevels.containsKey(r.id()) ? new Scale(r.scaleKind(), r.direction(), secondaryLevels.get(r.id())) : null,
                r.basis(), targets.getOrDefault(r.id(), Map.of()), r.baseline(), milestones.getOrDefault(r.id(), List.of()),
                r.indicatorKey(), r.previousId(), r.createdAt(), r.supersededAt(), r.state(), r.minObservations())).toList();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static ScaleLevel level(ResultSet rs) throws SQLException {
        BigDecimal lower = rs.getBigDecimal("lower_value");
        BigDecimal upper = rs.getBigDecimal("upper_value");
        return new ScaleLevel(Status.fromCode(rs.getString("status")), rs.getString("label"),
                lower == null ? null : new Bound(lower, rs.getBoolean("lower_inclusive")),
                upper == null ? null : new Bound(upper, rs.getBoolean("upper_inclusive")));
    }

    /** The codes of an indicator's sources: survey, question, system, series and denominator series (null where none). */
    String[] sourceCodes(Indicator indicator) {
        return jdbc.sql("""
                        select (select s.code from survey_question q join survey s on s.id = q.survey_id where q.id = ?),
                               (select q.code from survey_question q where q.id = ?),
                               (select code from monitored_system where id = ?),
                               (select code from series where id = ?),
                               (select code from series where id = ?)""")
                .params(indicator.surveyQuestionId(), indicator.surveyQuestionId(), indicator.systemId(), indicator.seriesId(),
                        indicator.denominatorSeriesId())
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
                .single();
    }
}
