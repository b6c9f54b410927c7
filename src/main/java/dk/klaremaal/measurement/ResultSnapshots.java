package dk.klaremaal.measurement;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Goals' results kept by the nightly recomputation, each under the version of the goal's organisation's data
 * ({@link dk.klaremaal.platform.DataVersion#ofOrganisation}, in column data_version) and the day it was computed for.
 */
@Repository
class ResultSnapshots {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResultSnapshots(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The goal's kept results, if they were computed from this version of its organisation's data on this day. */
    Optional<List<GoalResult>> find(long goalId, long dataVersion, LocalDate day) {
        return jdbc.sql("select results::text from result_snapshot where goal_id = ? and data_version = ? and computed_on = ?")
                .params(goalId, dataVersion, Date.valueOf(day))
                .query(String.class).optional()
                .map(text -> List.of(json.readValue(text, GoalResult[].class)));
    }

    void save(long goalId, long dataVersion, LocalDate day, List<GoalResult> results) {
        jdbc.sql("""
                        insert into result_snapshot (goal_id, data_version, computed_on, results) values (?, ?, ?, ?::jsonb)
                        on conflict (goal_id) do update set data_version = excluded.data_version, computed_on = excluded.computed_on,
                            results = excluded.results""")
                .params(goalId, dataVersion, Date.valueOf(day), json.writeValueAsString(results))
                .update();
    }
}
