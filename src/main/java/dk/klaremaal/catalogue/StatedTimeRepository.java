package dk.klaremaal.catalogue;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The processing times organisations state for their case types ({@code case_type_stated_time}). */
@Repository
class StatedTimeRepository {

    private final JdbcClient jdbc;

    StatedTimeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StatedTime> find(long caseTypeId) {
        return jdbc.sql("select case_type_id, days, day_unit, stated_by, stated_at from case_type_stated_time where case_type_id = ?")
                .param(caseTypeId)
                .query((rs, i) -> new StatedTime(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    void save(long caseTypeId, int days, String dayUnit, String statedBy) {
        jdbc.sql("""
                        insert into case_type_stated_time (case_type_id, days, day_unit, stated_by) values (?, ?, ?, ?)
                        on conflict (case_type_id) do update set days = excluded.days, day_unit = excluded.day_unit,
                            stated_by = excluded.stated_by, stated_at = now()""")
                .params(caseTypeId, days, dayUnit, statedBy).update();
    }

    void remove(long caseTypeId) {
        jdbc.sql("delete from case_type_stated_time where case_type_id = ?").param(caseTypeId).update();
    }
}
