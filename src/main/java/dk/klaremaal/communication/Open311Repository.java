package dk.klaremaal.communication;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases of an organisation as Open311 service requests: one per case, with its first receipt and latest event. */
@Repository
class Open311Repository {

    record CaseRow(long caseTypeId, String caseTypeCode, String caseId, boolean open, Instant received, Instant updated) {
    }

    private final JdbcClient jdbc;

    Open311Repository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Cases whose receipt lies in [from, to), optionally only some case types, ids or statuses,
     * newest first, at most {@code limit}. Only case types listed in Open311 (which never concern
     * persons) are asked; the cases of any other are not there, not even by id. An id here is the case
     * type's code, a colon and the case number as stored ({@link Open311Ids#caseKey}); with ids, the
     * other filters are not applied.
     */
    List<CaseRow> cases(long organisationId, Instant from, Instant to, List<String> caseTypes, List<String> ids, Boolean open, int limit) {
        return jdbc.sql("""
                        select t.id, t.code, r.case_id, r.is_open, e.received, e.updated
                        from case_record r
                        join case_type t on t.id = r.case_type_id
                        join lateral (select min(occurred_at) filter (where event = 'received') as received, max(occurred_at) as updated
                                      from case_event ev where ev.case_type_id = r.case_type_id and ev.case_id = r.case_id) e on true
                        where t.organisation_id = :organisation and t.open311_listed and not t.concerns_persons
                          and (cast(:ids as text[]) is null or t.code || ':' || r.case_id = any(cast(:ids as text[])))
                          and (cast(:ids as text[]) is not null or (e.received >= :from and e.received < :to))
                          and (cast(:types as text[]) is null or t.code = any(cast(:types as text[])))
                          and (cast(:open as boolean) is null or r.is_open = cast(:open as boolean))
                        order by e.received desc, r.case_id
                        limit :limit""")
                .param("organisation", organisationId)
                .param("ids", ids == null ? null : ids.toArray(String[]::new))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("types", caseTypes == null ? null : caseTypes.toArray(String[]::new))
                .param("open", open)
                .param("limit", limit)
                .query((rs, i) -> new CaseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .list();
    }
}
