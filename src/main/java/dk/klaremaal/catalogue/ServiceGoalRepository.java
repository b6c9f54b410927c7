package dk.klaremaal.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case types' service goals: the calendar days within which their cases should be decided. */
@Repository
public class ServiceGoalRepository {

    private final JdbcClient jdbc;

    public ServiceGoalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Integer> days(long caseTypeId) {
        return jdbc.sql("select days from case_type_service_goal where case_type_id = ?").param(caseTypeId).query(Integer.class).optional();
    }

    /** Sets the case type's service goal, or removes it when {@code days} is null. */
    public void set(long caseTypeId, Integer days) {
        if (days == null) {
            jdbc.sql("delete from case_type_service_goal where case_type_id = ?").param(caseTypeId).update();
        } else {
            jdbc.sql("""
                            insert into case_type_service_goal (case_type_id, days) values (?, ?)
                            on conflict (case_type_id) do update set days = excluded.days""")
                    .params(caseTypeId, days).update();
        }
    }

    /** The case types of a service that have a service goal, with their days, in the order of their names. */
    public List<ServiceGoal> ofService(long serviceId) {
        return jdbc.sql("""
                        select t.id, t.code, t.name, t.clock_start, t.exclude_pauses, g.days
                        from case_type t join case_type_service_goal g on g.case_type_id = t.id
                        where t.service_id = ?
                        order by t.name, t.code""")
                .param(serviceId)
                .query((rs, i) -> new ServiceGoal(rs.getLong(1), rs.getString(2), rs.getString(3), ClockStart.fromCode(rs.getString(4)),
                        rs.getBoolean(5), rs.getInt(6)))
                .list();
    }

    /** The service goals of an organisation's case types, by case type id. */
    public java.util.Map<Long, Integer> ofOrganisation(long organisationId) {
        java.util.Map<Long, Integer> days = new java.util.HashMap<>();
        jdbc.sql("""
                        select g.case_type_id, g.days from case_type_service_goal g join case_type t on t.id = g.case_type_id
                        where t.organisation_id = ?""")
                .param(organisationId)
                .query((java.sql.ResultSet rs) -> {
                    days.put(rs.getLong(1), rs.getInt(2));
                });
        return days;
    }

    /** A case type with a service goal, and the clock rules its cases are counted by. */
    public record ServiceGoal(long caseTypeId, String code, String name, ClockStart clockStart, boolean excludePauses, int days) {
    }
}
