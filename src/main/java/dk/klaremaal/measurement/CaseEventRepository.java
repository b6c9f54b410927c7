package dk.klaremaal.measurement;

import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.platform.PostgresCopy;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CaseEventRepository {

    /** A case's identity: its case type and the institution's case number. */
    public record CaseKey(long caseTypeId, String caseId) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    /** Reads long results a batch at a time instead of all at once. */
    private final JdbcTemplate streaming;

    private final String workMem;

    public CaseEventRepository(JdbcClient jdbc, DataSource dataSource,
                               @Value("${klaremaal.ingest.work-mem:256MB}") String workMem) {
        this.workMem = workMem;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
    }

    // --- Bulk ingest through temporary tables (all dropped when the transaction ends) ---

    /** An event sent again within one upload: its row, and the row that first used its event_id. */
    public record Repeat(int row, String eventId, int firstRow) {
    }

    /** An event whose event_id is already stored for a different event. */
    public record Resend(int row, CaseEvent stored) {
    }

    /** A new event with the row it was sent on. */
    public record Sent(int row, CaseEvent event) {
    }

    @FunctionalInterface
    public interface CaseVisitor {
        void visit(CaseKey key, List<CaseEvent> stored, List<Sent> sent) throws IOException;
    }

    public void createIncoming() {
        // Sorts and hash tables of a large upload stay in memory instead of spilling to disk, for this transaction only.
        jdbc.sql("select set_config('work_mem', ?, true)").param(workMem).query((rs, n) -> 0).list();
        jdbc.sql("""
                drop table if exists pg_temp.incoming_event, pg_temp.incoming_suspect, pg_temp.incoming_repeat, pg_temp.incoming_resend,
                    pg_temp.incoming_record, pg_temp.incoming_span, pg_temp.incoming_days""")
                .update();
        jdbc.sql("""
                create temp table incoming_event (row integer, event_id text collate "C", case_type_id bigint,
                                                  case_id text collate "C", event text, occurred_at timestamptz) on commit drop""")
                .update();
    }

    /** Starts copying checked rows into the upload's temporary table; see {@link #incomingCopied}. */
    public PostgresCopy.Out copyIncoming() {
        return PostgresCopy.open(dataSource, "incoming_event (row, event_id, case_type_id, case_id, event, occurred_at)");
    }

    /**
     * After the copy: finds the event_ids that the upload itself uses more than once, among the
     * suspects when there are (event_ids that may be used twice, every one that is among them), or in
     * the whole upload.
     */
    public void incomingCopied(long rows, Optional<Set<String>> suspects) throws IOException {
        if (rows > 10_000) {
            // Statistics let the planner choose hash joins for large uploads; small ones do without.
            jdbc.sql("analyze incoming_event").update();
        }
        String repeated;
        if (suspects.isPresent()) {
            jdbc.sql("create temp table incoming_suspect (event_id text collate \"C\") on commit drop").update();
            StringWriter lines = new StringWriter();
            for (String eventId : suspects.get()) {
                PostgresCopy.line(lines, eventId);
            }
            PostgresCopy.in(dataSource, "incoming_suspect (event_id)", new StringReader(lines.toString()));
            repeated = "select i.ctid as tid, i.* from incoming_event i where event_id in (select event_id from incoming_suspect)";
        } else {
            repeated = """
                    select i.ctid as tid, i.* from incoming_event i
                    join (select event_id from incoming_event group by event_id having count(*) > 1) r using (event_id)""";
        }
        // Every later row of an event_id the upload uses more than once, with its first row and whether it is the same event.
        // The rows of repeated event_ids are few: they are gathered in one pass over the upload and compared among themselves.
        jdbc.sql("""
                create temp table incoming_repeat on commit drop as
                with repeated as (%s),
                first as (
                    select distinct on (event_id) * from repeated order by event_id, row)
                select i.tid, i.row, i.event_id, f.row as first_row,
                       (i.case_type_id, i.case_id, i.event, i.occurred_at) = (f.case_type_id, f.case_id, f.event, f.occurred_at) as same
                from repeated i join first f on f.event_id = i.event_id and f.row <> i.row""".formatted(repeated)).update();
    }

    /**
     * How an upload is matched with and added to the stored events, by its size beside theirs (counted
     * from the table's size on disk, about 100 bytes an event, which is always current).
     *
     * @param probeIndexes the upload is small beside what is stored: looking its ids and cases up in the
     *                     stored events' indexes is cheaper than reading all stored events once
     * @param scanStored   the upload is at least as large as what is stored: its cases with stored events
     *                     are found by gathering the (fewer) stored cases and looking them up among its rows
     */
    public record Approach(boolean probeIndexes, boolean scanStored) {
    }

    public Approach approachFor(long incomingRows) {
        long storedEvents = jdbc.sql("select pg_relation_size('case_event')").query(Long.class).single() / 100;
        return new Approach(incomingRows * 8 < storedEvents, incomingRows >= 10_000 && incomingRows >= storedEvents);
    }

    /** How many rows repeat an earlier row of the upload exactly. */
    public int sameRepeats() {
        return jdbc.sql("select count(*) from incoming_repeat where same").query(Integer.class).single();
    }

    /** Rows that use an earlier row's event_id for a different event. */
    public List<Repeat> conflictingRepeats() {
        return jdbc.sql("select row, event_id, first_row from incoming_repeat where not same order by row")
                .query((rs, n) -> new Repeat(rs.getInt(1), rs.getString(2), rs.getInt(3))).list();
    }

    /**
     * Finds the rows whose event_id is already stored (one join with the stored events), keeping for
     * each whether it is the same event. A later row of an event_id the upload repeats is left out: it
     * is already counted (or refused) as a repeat of its first row, which is compared with what is stored.
     */
    public void findResends(boolean byIndex) {
        probeStoredEventsByIndex(byIndex);
        jdbc.sql("""
                create temp table incoming_resend on commit drop as
                select i.ctid as tid, i.row, e.event_id, e.case_type_id, e.case_id, e.event, e.occurred_at,
                       (i.case_type_id, i.case_id, i.event, i.occurred_at) = (e.case_type_id, e.case_id, e.event, e.occurred_at) as same
                from incoming_event i join case_event e using (event_id)
                where not exists (select from incoming_repeat r where r.row = i.row)""").update();
        probeStoredEventsByIndex(false);
    }

    /**
     * A small upload is matched with the stored events by looking each of its cases and ids up in their
     * indexes. Left to itself the planner often scans every stored event instead (a hash join), which
     * costs seconds per million stored events whatever the size of the upload; for an upload as large
     * as what is stored, that scan is the cheaper way, and the planner is left to choose.
     */
    private void probeStoredEventsByIndex(boolean on) {
        String joins = on ? "off" : "on";
        jdbc.sql("select set_config('enable_hashjoin', ?, true), set_config('enable_mergejoin', ?, true)").params(joins, joins)
                .query((rs, n) -> 0).list();
    }

    /** How many rows send an already stored event again, exactly. */
    public int sameResends() {
        return jdbc.sql("select count(*) from incoming_resend where same").query(Integer.class).single();
    }

    /** Rows whose event_id is stored for a different event. */
    public List<Resend> conflictingResends() {
        return jdbc.sql("select row, event_id, case_type_id, case_id, event, occurred_at from incoming_resend where not same order by row")
                .query((rs, n) -> new Resend(rs.getInt(1), event(rs, 2))).list();
    }

    /** Leaves only the new events: the first row of each event_id, and nothing already stored. */
    public void dropRepeatsAndResends() {
        // By their rows' physical addresses, kept when they were found: fetched straight from the table, not scanned for.
        for (String found : List.of("incoming_repeat", "incoming_resend")) {
            jdbc.sql("delete from incoming_event where ctid = any (array(select tid from " + found + "))").update();
        }
    }

    /** Every case with new events, one at a time in case order: its stored events and the new ones. */
    public void forEachAffectedCase(Approach approach, CaseVisitor visitor) {
        record Current(CaseKey key, List<CaseEvent> stored, List<Sent> sent) {
        }
        Current[] current = new Current[1];
        // The cases of the upload that have stored events: for an upload at least as large as what is stored, the
        // stored cases are gathered (the fewer) and looked up among the upload's rows, not the other way round.
        String affected = approach.scanStored()
                ? """
                  select distinct i.case_type_id, i.case_id from incoming_event i
                  join (select distinct case_type_id, case_id from case_event) s using (case_type_id, case_id)"""
                : "select distinct case_type_id, case_id from incoming_event";
        probeStoredEventsByIndex(approach.probeIndexes());
        streaming.query("""
                select x.row, x.event_id, x.case_type_id, x.case_id, x.event, x.occurred_at from (
                    select row, event_id, case_type_id, case_id, event, occurred_at from incoming_event
                    union all
                    select null, e.event_id, e.case_type_id, e.case_id, e.event, e.occurred_at
                    from case_event e join (%s) k using (case_type_id, case_id)
                ) x order by x.case_type_id, x.case_id""".formatted(affected), rs -> {
            CaseEvent event = event(rs, 2);
            CaseKey key = new CaseKey(event.caseTypeId(), event.caseId());
            if (current[0] != null && !current[0].key().equals(key)) {
                visit(visitor, current[0].key(), current[0].stored(), current[0].sent());
                current[0] = null;
            }
            if (current[0] == null) {
                current[0] = new Current(key, new ArrayList<>(), new ArrayList<>());
            }
            int row = rs.getInt(1);
            if (rs.wasNull()) {
                current[0].stored().add(event);
            } else {
                current[0].sent().add(new Sent(row, event));
            }
        });
        probeStoredEventsByIndex(false);
        if (current[0] != null) {
            visit(visitor, current[0].key(), current[0].stored(), current[0].sent());
        }
    }

    /**
     * Every case of a case type with stored events, one at a time in case order, with its stored events; read
     * from a cursor, so only one case is held at a time. Within the caller's transaction.
     */
    public void forEachStoredCase(long caseTypeId, CaseVisitor visitor) {
        List<CaseEvent> current = new ArrayList<>();
        streaming.query("""
                select event_id, case_type_id, case_id, event, occurred_at from case_event
                where case_type_id = ? order by case_id""", rs -> {
            CaseEvent event = event(rs, 1);
            if (!current.isEmpty() && !current.getFirst().caseId().equals(event.caseId())) {
                visit(visitor, new CaseKey(caseTypeId, current.getFirst().caseId()), List.copyOf(current), List.of());
                current.clear();
            }
            current.add(event);
        }, caseTypeId);
        if (!current.isEmpty()) {
            visit(visitor, new CaseKey(caseTypeId, current.getFirst().caseId()), List.copyOf(current), List.of());
        }
    }

    private static void visit(CaseVisitor visitor, CaseKey key, List<CaseEvent> stored, List<Sent> sent) {
        try {
            visitor.visit(key, stored, sent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the case records and spans {@link CaseTimelines#write} wrote into the transaction's temporary
     * tables {@code <name>_record} and {@code <name>_span}: the ingest's new timelines and the rebuild's alike.
     */
    void copyTimelines(String name, Path records, Path spans) throws IOException {
        jdbc.sql("""
                create temp table %s_record (case_type_id bigint, case_id text collate "C", received_on date, is_open boolean,
                                             last_decided_on date, calendar_days integer, working_days integer,
                                             replaces boolean, reopened boolean) on commit drop""".formatted(name)).update();
        jdbc.sql("""
                create temp table %s_span (case_type_id bigint, case_id text collate "C", seq integer, opened_on date, closed_on date)
                on commit drop""".formatted(name)).update();
        try (Reader r = Files.newBufferedReader(records); Reader s = Files.newBufferedReader(spans)) {
            PostgresCopy.in(dataSource, name + "_record", r);
            PostgresCopy.in(dataSource, name + "_span", s);
        }
    }

    /**
     * Stores the new events and replaces the derived records and spans of their cases; returns the
     * number of events stored. {@code records} marks the cases that had stored events (whose old record
     * and spans are replaced).
     */
    public int storeIncoming(Path records, Path spans) throws IOException {
        PhaseLog steps = new PhaseLog("case-event store");
        copyTimelines("incoming", records, spans);
        jdbc.sql("analyze incoming_record, incoming_span").update();
        steps.done("copy records and spans in");
        // The events are added to the indexes as they are inserted, however many: dropping the indexes and building them
        // again afterwards is faster for a large upload, but locks every reader of the events out until it commits.
        int stored = jdbc.sql("""
                insert into case_event (event_id, case_type_id, case_id, event, occurred_at)
                select event_id, case_type_id, case_id, event, occurred_at from incoming_event""").update();
        steps.done("insert events");
        // The histograms lose the replaced records' counts and gain the new ones'. The changes are added to the counts
        // kept, and the counts not kept yet are inserted (in the key's order, the index is filled page by page): that costs
        // less than half of an insert that checks each row for a conflict.
        jdbc.sql("""
                create temp table incoming_days on commit drop as
                select case_type_id, month, working, days, sum(n)::integer as cases from (
                    select r.case_type_id, date_trunc('month', r.last_decided_on)::date as month, w.working,
                           case when w.working then r.working_days else r.calendar_days end as days, -1 as n
                    from case_record r join incoming_record i using (case_type_id, case_id)
                         cross join (values (false), (true)) as w(working)
                    where i.replaces and not r.is_open
                    union all
                    select i.case_type_id, date_trunc('month', i.last_decided_on)::date, w.working,
                           case when w.working then i.working_days else i.calendar_days end, 1
                    from incoming_record i cross join (values (false), (true)) as w(working)
                    where not i.is_open) d
                where days is not null
                group by case_type_id, working, month, days
                having sum(n) <> 0""").update();
        String sameKey = "(d.case_type_id, d.working, d.month, d.days) = (i.case_type_id, i.working, i.month, i.days)";
        jdbc.sql("update case_days d set cases = d.cases + i.cases from incoming_days i where " + sameKey).update();
        jdbc.sql("""
                insert into case_days (case_type_id, month, working, days, cases)
                select * from incoming_days i where not exists (select from case_days d where %s)
                order by case_type_id, working, month, days""".formatted(sameKey)).update();
        // Last: a count that fell to zero is not kept (deleted before the insert, it would come back as the change alone).
        jdbc.sql("delete from case_days d using incoming_days i where d.cases = 0 and " + sameKey).update();
        steps.done("update histograms");
        // A case without stored events has no record yet: its record is simply added, which costs little more than half
        // of an insert that must check for a conflict row by row. The records of cases with stored events are replaced.
        String addRecords = """
                insert into case_record (case_type_id, case_id, received_on, is_open, last_decided_on, calendar_days, working_days,
                                         reopened)
                select case_type_id, case_id, received_on, is_open, last_decided_on, calendar_days, working_days, reopened
                from incoming_record
                where replaces = ?""";
        jdbc.sql(addRecords).param(false).update();
        jdbc.sql(addRecords + """

                on conflict (case_type_id, case_id) do update set
                    received_on = excluded.received_on, is_open = excluded.is_open,
                    last_decided_on = excluded.last_decided_on, calendar_days = excluded.calendar_days,
                    working_days = excluded.working_days, reopened = excluded.reopened""").param(true).update();
        steps.done("add and replace records");
        jdbc.sql("""
                delete from case_span s using incoming_record r
                where r.replaces and s.case_type_id = r.case_type_id and s.case_id = r.case_id""").update();
        jdbc.sql("insert into case_span (case_type_id, case_id, seq, opened_on, closed_on) select * from incoming_span").update();
        steps.done("replace spans");
        return stored;
    }

    /**
     * Serialises ingests that touch the same case types, across all application nodes, until the
     * transaction ends. Locks are taken in id order so two ingests cannot deadlock.
     */
    public void lockCaseTypes(Collection<Long> caseTypeIds) {
        AdvisoryLocks.lockAll(jdbc, AdvisoryLocks.CASE_TYPE, caseTypeIds);
    }

    /** An event from the columns event_id, case_type_id, case_id, event, occurred_at (in this order, from {@code first}). */
    private static CaseEvent event(ResultSet rs, int first) throws SQLException {
        return new CaseEvent(rs.getString(first), rs.getLong(first + 1), rs.getString(first + 2),
                CaseEventKind.fromCode(rs.getString(first + 3)), rs.getObject(first + 4, java.time.OffsetDateTime.class).toInstant());
    }
}
