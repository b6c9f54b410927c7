package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.MonitoredSystem;
import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFields;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes availability probes in: at a moment, the system answered (up) or did not. One probe per system and moment. */
@Service
public class ProbeIngestService implements Dataset {

    public static final List<String> COLUMNS = List.of("organisation", "system", "probed_at", "up");

    private static final List<String> KEY = List.of("system_id", "probed_at");
    private static final List<String> COMPARED = List.of("up");

    private final AvailabilityRows availability;
    private final Staging staging;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ProbeIngestService(AvailabilityRows availability, Staging staging, JdbcClient jdbc, Clock clock) {
        this.availability = availability;
        this.staging = staging;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return DatasetNames.PROBES;
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
        StagedRows staged = staging.create("incoming_probe", List.of("system_id bigint", "probed_at timestamptz", "up boolean"));
        int count = staged.copy(rows, raw -> checked(raw, lookup, systemIds, errors));
        int duplicates = staged.dropRepeats(KEY, COMPARED, null,
                (rs, n) -> new RowError(rs.getInt("row"), DowntimeIngestService.instant(rs, "probed_at").toString(), "up",
                        String.valueOf(rs.getBoolean("up")), "row " + rs.getInt("earlier_row") + " probes the same system at the same moment with another result"),
                errors);
        AdvisoryLocks.lockAll(jdbc, AdvisoryLocks.SYSTEM, systemIds);
        duplicates += staged.dropResends("availability_probe", KEY, COMPARED, null,
                (rs, n) -> new RowError(rs.getInt("row"), DowntimeIngestService.instant(rs, "probed_at").toString(), "up",
                        String.valueOf(rs.getBoolean("up")), "a probe of this system at this moment is already stored with up = "
                        + rs.getBoolean("stored_up")), errors);
        if (!errors.isEmpty()) {
            return errors.report(count, duplicates);
        }
        int accepted = staged.update("""
                insert into availability_probe (system_id, probed_at, up)
                select system_id, probed_at, up from %s""".formatted(staged.table()));
        return IngestReport.stored(count, accepted, duplicates);
    }

    /** The row's values to stage; null when the row is refused. */
    private Object[] checked(RawRow raw, AvailabilityRows.Lookup lookup, Set<Long> systemIds, RowErrors errors) {
        RowFields row = new RowFields(raw, "probed_at", errors.list());
        MonitoredSystem system = lookup.system(row);
        Instant at = MeasurementRanges.time(row, "probed_at", true, clock);
        Boolean up = row.bool("up", true);
        AvailabilityRows.checkMonitored(row, "probed_at", at, system);
        if (!row.ok()) {
            return null;
        }
        systemIds.add(system.id());
        return new Object[] {system.id(), at, up};
    }
}
