package dk.klaremaal.publication;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the front page reads beside the catalogue: the names to search and the stored latest statuses of the goals. */
@Repository
class FrontPageRepository {

    /** A service or case type name of an organisation, for the search. */
    record Name(long organisationId, boolean caseType, String name) {
    }

    /**
     * How many of an organisation's published goals have this status (a {@link dk.klaremaal.goals.Status} name, null
     * when the latest stored period with a value has no level, or no results are stored) in their latest stored period
     * with a value; {@code computedOn} is the last day the results were stored.
     */
    record StatusCount(long organisationId, String status, long goals, LocalDate computedOn) {
    }

    private final JdbcClient jdbc;

    FrontPageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Name> serviceAndCaseTypeNames() {
        return jdbc.sql("""
                        select organisation_id, false as case_type, name from service
                        union all
                        select organisation_id, true, name from case_type""")
                .query((rs, n) -> new Name(rs.getLong(1), rs.getBoolean(2), rs.getString(3))).list();
    }

    /**
     * The results the nightly recomputation (or one asked for) stored ({@code result_snapshot}), never computed here:
     * each published goal's last period that has a value, counted by its level's status per organisation.
     */
    List<StatusCount> latestStatuses() {
        return jdbc.sql("""
                        select g.organisation_id, latest.status, count(*) as goals, max(s.computed_on) as computed_on
                        from goal g
                        left join result_snapshot s on s.goal_id = g.id
                        left join lateral (
                            select e.r -> 'level' ->> 'status' as status
                            from jsonb_array_elements(s.results) with ordinality as e(r, i)
                            where e.r ->> 'value' is not null
                            order by e.i desc
                            limit 1) latest on true
                        where g.superseded_at is null and g.state = 'published'
                        group by g.organisation_id, latest.status""")
                .query((rs, n) -> new StatusCount(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
                .list();
    }
}
