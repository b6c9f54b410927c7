package dk.klaremaal.measurement;

import dk.klaremaal.platform.AdvisoryLocks;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The derived case data (case_record, case_span, case_days) replaced from a rebuild, and the rules it was counted by. */
@Repository
public class DerivedDataRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CaseEventRepository events;

    public DerivedDataRepository(JdbcClient jdbc, DataSource dataSource, CaseEventRepository events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
    }

    /** The rules version recorded with the derived data; empty when none was ever recorded. */
    public Optional<String> rulesVersion() {
        return jdbc.sql("select version from derived_data_rules").query(String.class).optional();
    }

    public void recordRulesVersion(String version) {
        jdbc.sql("""
                insert into derived_data_rules (version, rebuilt_at) values (?, now())
                on conflict (id) do update set version = excluded.version, rebuilt_at = excluded.rebuilt_at""").param(version).update();
    }

    public boolean anyEvents() {
        return jdbc.sql("select exists (select from case_event)").query(Boolean.class).single();
    }

    /**
     * Runs {@code work} while holding the rebuild's lock, on a connection of its own (the work runs its own
     * transactions): one rebuild at a time across all nodes; another waits until this one is done.
     */
    public <T> T exclusively(Supplier<T> work) {
        try (Connection lock = dataSource.getConnection()) {
            lockCall(lock, "select pg_advisory_lock(?, 0)");
            try {
                return work.get();
            } finally {
                lockCall(lock, "select pg_advisory_unlock(?, 0)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the lock of the derived data's rebuild failed: " + e.getMessage(), e);
        }
    }

    private static void lockCall(Connection connection, String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setInt(1, AdvisoryLocks.DERIVED_DATA);
            s.executeQuery().close();
        }
    }

    /** What replacing a case type's derived rows changed: rows removed and rows added, over the three tables. */
    public record Changes(long removed, long added) {
    }

    /**
     * Within the caller's transaction: makes a case type's records, spans and histograms equal to the ones
     * rebuilt (as COPY lines, see {@link CaseTimelines#write}). Only rows that differ are removed and added, so
     * a rebuild under unchanged rules writes nothing; readers keep reading the old rows until the commit.
     */
    public Changes replace(long caseTypeId, Path records, Path spans) throws IOException {
        jdbc.sql("drop table if exists pg_temp.rebuilt_record, pg_temp.rebuilt_span, pg_temp.rebuilt_days").update();
        events.copyTimelines("rebuilt", records, spans);
        // The histograms are counted from the rebuilt records exactly as the ingest counts them.
        jdbc.sql("""
                create temp table rebuilt_days on commit drop as
                select case_type_id, month, working, days, count(*)::integer as cases from (
                    select case_type_id, date_trunc('month', last_decided_on)::date as month, w.working,
                           case when w.working then working_days else calendar_days end as days
                    from rebuilt_record cross join (values (false), (true)) as w(working)
                    where not is_open) d
                where days is not null
                group by case_type_id, month, working, days""").update();
        jdbc.sql("analyze rebuilt_record, rebuilt_span, rebuilt_days").update();
        long removed = 0;
        long added = 0;
        for (Table t : TABLES) {
            removed += jdbc.sql("""
                    delete from %1$s o where o.case_type_id = :caseType
                    and not exists (select from %2$s n where (%3$s) = (%4$s) and (%5$s) is not distinct from (%6$s))"""
                    .formatted(t.table(), t.rebuilt(), t.columns("n", t.key()), t.columns("o", t.key()), t.columns("n", t.values()),
                            t.columns("o", t.values())))
                    .param("caseType", caseTypeId).update();
            added += jdbc.sql("""
                    insert into %1$s (%3$s, %4$s)
                    select %3$s, %4$s from %2$s n
                    where not exists (select from %1$s o where (%5$s) = (%6$s))
                    order by %3$s"""
                    .formatted(t.table(), t.rebuilt(), String.join(", ", t.key()), String.join(", ", t.values()),
                            t.columns("o", t.key()), t.columns("n", t.key())))
                    .update();
        }
        return new Changes(removed, added);
    }

    /** A derived table, the temporary table its rebuilt rows are in, its key and its other columns. */
    private record Table(String table, String rebuilt, List<String> key, List<String> values) {
        String columns(String alias, List<String> names) {
            return String.join(", ", names.stream().map(n -> alias + "." + n).toList());
        }
    }

    private static final List<Table> TABLES = List.of(
            new Table("case_record", "rebuilt_record", List.of("case_type_id", "case_id"),
                    List.of("received_on", "is_open", "last_decided_on", "calendar_days", "working_days", "reopened")),
            new Table("case_span", "rebuilt_span", List.of("case_type_id", "case_id", "seq"), List.of("opened_on", "closed_on")),
            new Table("case_days", "rebuilt_days", List.of("case_type_id", "working", "month", "days"), List.of("cases")));
}
