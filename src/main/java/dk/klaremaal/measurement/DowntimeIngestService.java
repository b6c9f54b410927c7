package dk.klaremaal.measurement;

import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.catalogue.MonitoredSystem;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFields;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes reported downtime of monitored systems in: one row per interval the system was down. */
@Service
public class DowntimeIngestService implements Dataset {

    public static final List<String> COLUMNS = List.of("downtime_id", "organisation", "system", "started_at", "ended_at");

    private final AvailabilityRows rows;
    private final JdbcClient jdbc;

    public DowntimeIngestService(AvailabilityRows rows, JdbcClient jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return DatasetNames.DOWNTIME;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    record Downtime(long systemId, String downtimeId, Instant startedAt, Instant endedAt) {
    }

    @Override
    @Transactional
    public IngestReport ingest(List<RawRow> input, String sender) {
        List<RowError> errors = new ArrayList<>();
        AvailabilityRows.Lookup lookup = rows.lookup();
        Map<String, Downtime> byKey = new LinkedHashMap<>();
        Map<String, Integer> rowOf = new HashMap<>();
        int duplicates = 0;
        for (RawRow raw : input) {
            RowFields row = new RowFields(raw, "downtime_id", errors);
            String id = row.text("downtime_id", true);
            MonitoredSystem system = lookup.system(row);
            Instant started = rows.notInFuture(row, "started_at", row.time("started_at", true));
            Instant ended = rows.notInFuture(row, "ended_at", row.time("ended_at", true));
            AvailabilityRows.checkMonitored(row, "started_at", started, system);
            if (started != null && ended != null && !ended.isAfter(started)) {
                row.fail("ended_at", "must be after started_at");
            }
            if (!row.ok()) {
                continue;
            }
            Downtime d = new Downtime(system.id(), id, started, ended);
            String key = system.id() + "\n" + id;
            Downtime earlier = byKey.get(key);
            if (earlier == null) {
                byKey.put(key, d);
                rowOf.put(key, raw.row());
            } else if (earlier.equals(d)) {
                duplicates++;
            } else {
                row.fail("downtime_id", "the same downtime_id is used on row " + rowOf.get(key) + " for a different interval");
            }
        }
        AdvisoryLocks.lockAll(jdbc, AdvisoryLocks.SYSTEM, byKey.values().stream().map(Downtime::systemId).toList());
        List<Downtime> inserts = new ArrayList<>();
        for (Map.Entry<String, Downtime> e : byKey.entrySet()) {
            Downtime d = e.getValue();
            Optional<Downtime> stored = jdbc.sql("select system_id, downtime_id, started_at, ended_at from downtime where system_id = ? and downtime_id = ?")
                    .params(d.systemId(), d.downtimeId())
                    .query((rs, i) -> new Downtime(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                    .optional();
            if (stored.isEmpty()) {
                inserts.add(d);
            } else if (stored.get().equals(d)) {
                duplicates++;
            } else {
                errors.add(new RowError(rowOf.get(e.getKey()), d.downtimeId(), "downtime_id", d.downtimeId(),
                        "downtime_id is already stored for " + stored.get().startedAt() + " – " + stored.get().endedAt()));
            }
        }
        if (!errors.isEmpty()) {
            return IngestReport.refused(input.size(), duplicates, errors);
        }
        for (Downtime d : inserts) {
            jdbc.sql("insert into downtime (system_id, downtime_id, started_at, ended_at) values (?, ?, ?, ?)")
                    .params(d.systemId(), d.downtimeId(), Timestamp.from(d.startedAt()), Timestamp.from(d.endedAt())).update();
        }
        return IngestReport.stored(input.size(), inserts.size(), duplicates);
    }
}
