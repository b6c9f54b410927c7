package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.MonitoredSystem;
import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFields;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes reported downtime of monitored systems in: one row per interval the system was down. */
@Service
public class DowntimeIngestService implements Dataset {

    public static final List<String> COLUMNS = List.of("downtime_id", "organisation", "system", "started_at", "ended_at");

    private static final List<String> KEY = List.of("system_id", "downtime_id");
    private static final List<String> COMPARED = List.of("started_at", "ended_at");

    private final AvailabilityRows availability;
    private final Staging staging;
    private final JdbcClient jdbc;
    private final Clock clock;

    public DowntimeIngestService(AvailabilityRows availability, Staging staging, JdbcClient jdbc, Clock clock) {
        this.availability = availability;
        this.staging = staging;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return DatasetNames.DOWNTIME;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    @Transactional
    public IngestReport ingest(Iterable<RawRow> rows, String sender) {
        RowErrors errors = new RowErrors();
        AvailabilityRows.Lookup lookup = availability.lookup();
        Set<Long> systemIds = new HashSet<>();
        StagedRows staged = staging.create("incoming_downtime",
                List.of("system_id bigint", "downtime_id text", "started_at timestamptz", "ended_at timestamptz"));
        int count = staged.copy(rows, raw -> checked(raw, lookup, systemIds, errors));
        int duplicates = staged.dropRepeats(KEY, COMPARED, null,
                (rs, n) -> new RowError(rs.getInt("row"), rs.getString("downtime_id"), "downtime_id", rs.getString("downtime_id"),
                        "the same downtime_id is used on row " + rs.getInt("earlier_row") + " for a different interval"), errors);
        AdvisoryLocks.lockAll(jdbc, AdvisoryLocks.SYSTEM, systemIds);
        duplicates += staged.dropResends("downtime", KEY, COMPARED, null,
                (rs, n) -> new RowError(rs.getInt("row"), rs.getString("downtime_id"), "downtime_id", rs.getString("downtime_id"),
                        "downtime_id is already stored for " + instant(rs, "stored_started_at") + " – " + instant(rs, "stored_ended_at")),
                errors);
        if (!errors.isEmpty()) {
            return errors.report(count, duplicates);
        }
        int accepted = staged.update("""
                insert into downtime (system_id, downtime_id, started_at, ended_at)
                select system_id, downtime_id, started_at, ended_at from %s""".formatted(staged.table()));
        return IngestReport.stored(count, accepted, duplicates);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** The row's values to stage; null when the row is refused. */
    private Object[] checked(RawRow raw, AvailabilityRows.Lookup lookup, Set<Long> systemIds, RowErrors errors) {
        RowFields row = new RowFields(raw, "downtime_id", errors.list());
        String id = row.text("downtime_id", true);
        MonitoredSystem system = lookup.system(row);
        Instant started = MeasurementRanges.time(row, "started_at", true, clock);
        Instant ended = MeasurementRanges.time(row, "ended_at", true, clock);
        AvailabilityRows.checkMonitored(row, "started_at", started, system);
        if (started != null && ended != null && !ended.isAfter(started)) {
            row.fail("ended_at", "must be after started_at");
        } else if (started != null && ended != null && Duration.between(started, ended).compareTo(MeasurementRanges.LONGEST) > 0) {
            row.fail("ended_at", "is more than " + MeasurementRanges.LONGEST.toDays() + " days after started_at");
        }
        if (!row.ok()) {
            return null;
        }
        systemIds.add(system.id());
        return new Object[] {system.id(), id, started, ended};
    }
}
