package dk.klaremaal.measurement;

import dk.klaremaal.platform.AdvisoryLocks;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CaseEventRepository {

    /** A case's identity: its case type and the institution's case number. */
    public record CaseKey(long caseTypeId, String caseId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CaseEventRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Serialises ingests that touch the same case types, across all application nodes, until the
     * transaction ends. Locks are taken in id order so two ingests cannot deadlock.
     */
    public void lockCaseTypes(Collection<Long> caseTypeIds) {
        AdvisoryLocks.lockAll(jdbc, AdvisoryLocks.CASE_TYPE, caseTypeIds);
    }

    public List<CaseEvent> findByIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select event_id, case_type_id, case_id, event, occurred_at from case_event where event_id = any(?)")
                .param(eventIds.toArray(String[]::new))
                .query(CaseEventRepository::event).list();
    }

    public List<CaseEvent> findEventsOfCases(long caseTypeId, Collection<String> caseIds) {
        return jdbc.sql("""
                        select event_id, case_type_id, case_id, event, occurred_at from case_event
                        where case_type_id = ? and case_id = any(?)""")
                .params(caseTypeId, caseIds.toArray(String[]::new))
                .query(CaseEventRepository::event).list();
    }

    public void insertEvents(List<CaseEvent> events) {
        template.batchUpdate("insert into case_event (event_id, case_type_id, case_id, event, occurred_at) values (?, ?, ?, ?, ?)",
                events, 1000, (ps, e) -> {
                    ps.setString(1, e.eventId());
                    ps.setLong(2, e.caseTypeId());
                    ps.setString(3, e.caseId());
                    ps.setString(4, e.kind().code());
                    ps.setTimestamp(5, Timestamp.from(e.occurredAt()));
                });
    }

    /** Replaces what is derived for these cases with their new timelines. */
    public void saveTimelines(List<CaseKey> keys, List<CaseClock.Timeline> timelines) {
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            index.add(i);
        }
        template.batchUpdate("""
                insert into case_record (case_type_id, case_id, received_on, is_open, last_decided_on, calendar_days, working_days)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (case_type_id, case_id) do update set
                    received_on = excluded.received_on, is_open = excluded.is_open,
                    last_decided_on = excluded.last_decided_on, calendar_days = excluded.calendar_days,
                    working_days = excluded.working_days""", index, 1000, (ps, i) -> {
            CaseKey key = keys.get(i);
            CaseClock.Timeline t = timelines.get(i);
            ps.setLong(1, key.caseTypeId());
            ps.setString(2, key.caseId());
            ps.setDate(3, Date.valueOf(t.receivedOn()));
            ps.setBoolean(4, t.open());
            ps.setObject(5, t.lastDecidedOn() == null ? null : Date.valueOf(t.lastDecidedOn()), Types.DATE);
            ps.setObject(6, t.calendarDays(), Types.INTEGER);
            ps.setObject(7, t.workingDays(), Types.INTEGER);
        });
        template.batchUpdate("delete from case_span where case_type_id = ? and case_id = ?", keys, 1000, (ps, key) -> {
            ps.setLong(1, key.caseTypeId());
            ps.setString(2, key.caseId());
        });
        record SpanRow(CaseKey key, int seq, CaseClock.Span span) {
        }
        List<SpanRow> spans = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<CaseClock.Span> caseSpans = timelines.get(i).spans();
            for (int s = 0; s < caseSpans.size(); s++) {
                spans.add(new SpanRow(keys.get(i), s + 1, caseSpans.get(s)));
            }
        }
        template.batchUpdate("insert into case_span (case_type_id, case_id, seq, opened_on, closed_on) values (?, ?, ?, ?, ?)",
                spans, 1000, (ps, row) -> {
                    ps.setLong(1, row.key().caseTypeId());
                    ps.setString(2, row.key().caseId());
                    ps.setInt(3, row.seq());
                    ps.setDate(4, Date.valueOf(row.span().openedOn()));
                    ps.setObject(5, row.span().closedOn() == null ? null : Date.valueOf(row.span().closedOn()), Types.DATE);
                });
    }

    private static CaseEvent event(ResultSet rs, int row) throws SQLException {
        return new CaseEvent(rs.getString("event_id"), rs.getLong("case_type_id"), rs.getString("case_id"),
                CaseEventKind.fromCode(rs.getString("event")), rs.getTimestamp("occurred_at").toInstant());
    }
}
