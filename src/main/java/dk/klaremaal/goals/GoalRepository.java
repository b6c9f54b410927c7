package dk.klaremaal.goals;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        long id = jdbc.sql("""
                        insert into goal (organisation_id, case_type_id, code, sentence, dimension, indicator_kind, statistic,
                            percentile, within_days, day_unit, value_unit, period_kind, scale_kind, scale_direction)
                        values (?, ?, ?, ?, ?, 'processing_time', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(goal.organisationId(), goal.caseTypeId(), goal.code(), goal.sentence(), goal.dimension(),
                        ind.statistic().code(), ind.percentile(), ind.withinDays(), ind.dayUnit().code(), ind.valueUnit().code(),
                        goal.periodKind().code(), goal.scale().kind().code(), goal.scale().direction().code())
                .query(Long.class).single();
        int position = 0;
        for (ScaleLevel level : goal.scale().levels()) {
            jdbc.sql("""
                            insert into goal_scale_level (goal_id, position, status, label, lower_value, lower_inclusive,
                                upper_value, upper_inclusive) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, level.status().code(), level.label(),
                            level.lower() == null ? null : level.lower().value(), level.lower() == null || level.lower().inclusive(),
                            level.upper() == null ? null : level.upper().value(), level.upper() == null || level.upper().inclusive())
                    .update();
        }
        goal.targets().forEach((period, target) ->
                jdbc.sql("insert into goal_target (goal_id, period_start, target) values (?, ?, ?)")
                        .params(id, Date.valueOf(period.start()), target).update());
        return id;
    }

    public Optional<Goal> find(long id) {
        return load("where g.id = ?", id).stream().findFirst();
    }

    public List<Goal> findByOrganisation(long organisationId) {
        return load("where g.organisation_id = ?", organisationId);
    }

    private List<Goal> load(String where, Object param) {
        record Row(long id, long organisationId, Long caseTypeId, String code, String sentence, String dimension,
                   Indicator indicator, PeriodKind periodKind, ScaleKind scaleKind, Direction direction) {
        }
        List<Row> rows = jdbc.sql("""
                        select g.id, g.organisation_id, g.case_type_id, g.code, g.sentence, g.dimension, g.statistic, g.percentile,
                               g.within_days, g.day_unit, g.value_unit, g.period_kind, g.scale_kind, g.scale_direction
                        from goal g""" + " " + where + " order by g.code nulls last, g.id")
                .param(param)
                .query((rs, i) -> {
                    long caseType = rs.getLong("case_type_id");
                    Long caseTypeId = rs.wasNull() ? null : caseType;
                    int within = rs.getInt("within_days");
                    Integer withinDays = rs.wasNull() ? null : within;
                    Indicator indicator = new Indicator(Indicator.Statistic.fromCode(rs.getString("statistic")),
                            rs.getBigDecimal("percentile"), withinDays, Indicator.DayUnit.fromCode(rs.getString("day_unit")),
                            Indicator.ValueUnit.fromCode(rs.getString("value_unit")));
                    return new Row(rs.getLong("id"), rs.getLong("organisation_id"), caseTypeId, rs.getString("code"),
                            rs.getString("sentence"), rs.getString("dimension"), indicator,
                            PeriodKind.fromCode(rs.getString("period_kind")), ScaleKind.fromCode(rs.getString("scale_kind")),
                            Direction.fromCode(rs.getString("scale_direction")));
                }).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<ScaleLevel>> levels = new HashMap<>();
        jdbc.sql("select * from goal_scale_level where goal_id = any(?) order by goal_id, position").param(ids)
                .query((ResultSet rs) -> {
                    levels.computeIfAbsent(rs.getLong("goal_id"), k -> new ArrayList<>()).add(level(rs));
                });
        Map<Long, Map<Period, BigDecimal>> targets = new HashMap<>();
        Map<Long, PeriodKind> kinds = new HashMap<>();
        rows.forEach(r -> kinds.put(r.id(), r.periodKind()));
        jdbc.sql("select goal_id, period_start, target from goal_target where goal_id = any(?)").param(ids)
                .query((ResultSet rs) -> {
                    long goalId = rs.getLong(1);
                    targets.computeIfAbsent(goalId, k -> new HashMap<>())
                            .put(new Period(kinds.get(goalId), rs.getDate(2).toLocalDate()), rs.getBigDecimal(3));
                });
        return rows.stream().map(r -> new Goal(r.id(), r.organisationId(), r.caseTypeId(), r.code(), r.sentence(), r.dimension(),
                r.indicator(), r.periodKind(), new Scale(r.scaleKind(), r.direction(), levels.getOrDefault(r.id(), List.of())),
                targets.getOrDefault(r.id(), Map.of()))).toList();
    }

    private static ScaleLevel level(ResultSet rs) throws SQLException {
        BigDecimal lower = rs.getBigDecimal("lower_value");
        BigDecimal upper = rs.getBigDecimal("upper_value");
        return new ScaleLevel(Status.fromCode(rs.getString("status")), rs.getString("label"),
                lower == null ? null : new Bound(lower, rs.getBoolean("lower_inclusive")),
                upper == null ? null : new Bound(upper, rs.getBoolean("upper_inclusive")));
    }
}
