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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes availability probes in: at a moment, the system answered (up) or did not. One probe per system and moment. */
@Service
public class ProbeIngestService implements Dataset {

    public static final List<String> COLUMNS = List.of("organisation", "system", "probed_at", "up");

    private final AvailabilityRows rows;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ProbeIngestService(AvailabilityRows rows, JdbcClient jdbc, JdbcTemplate template) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public String name() {
        return DatasetNames.PROBES;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    record Probe(long systemId, Instant probedAt, boolean up) {
    }

    @Override
    @Transactional
    public IngestReport ingest(List<RawRow> input, String sender) {
        List<RowError> errors = new ArrayList<>();
        AvailabilityRows.Lookup lookup = rows.lookup();
        Map<String, Probe> byKey = new LinkedHashMap<>();
        Map<String, Integer> rowOf = new HashMap<>();
        int duplicates = 0;
        for (RawRow raw : input) {
            RowFields row = new RowFields(raw, "probed_at", errors);
            MonitoredSystem system = lookup.system(row);
            Instant at = rows.notInFuture(row, "probed_at", row.time("probed_at", true));
            Boolean up = row.bool("up", true);
            AvailabilityRows.checkMonitored(row, "probed_at", at, system);
            if (!row.ok()) {
                continue;
            }
            Probe p = new Probe(system.id(), at, up);
            String key = system.id() + "\n" + at;
            Probe earlier = byKey.get(key);
            if (earlier == null) {
                byKey.put(key, p);
                rowOf.put(key, raw.row());
            } else if (earlier.equals(p)) {
                duplicates++;
            } else {
                row.fail("up", "row " + rowOf.get(key) + " probes the same system at the same moment with another result");
            }
        }
        AdvisoryLocks.lockAll(jdbc, AdvisoryLocks.SYSTEM, byKey.values().stream().map(Probe::systemId).toList());
        Map<String, Boolean> stored = new HashMap<>();
        Map<Long, List<Timestamp>> bySystem = new HashMap<>();
        byKey.values().forEach(p -> bySystem.computeIfAbsent(p.systemId(), s -> new ArrayList<>()).add(Timestamp.from(p.probedAt())));
        bySystem.forEach((system, times) -> jdbc.sql("select probed_at, up from availability_probe where system_id = ? and probed_at = any(?)")
                .params(system, times.toArray(Timestamp[]::new))
                .query((rs, i) -> stored.put(system + "\n" + rs.getTimestamp(1).toInstant(), rs.getBoolean(2))).list());
        List<Probe> inserts = new ArrayList<>();
        for (Map.Entry<String, Probe> e : byKey.entrySet()) {
            Boolean old = stored.get(e.getKey());
            if (old == null) {
                inserts.add(e.getValue());
            } else if (old == e.getValue().up()) {
                duplicates++;
            } else {
                errors.add(new RowError(rowOf.get(e.getKey()), e.getValue().probedAt().toString(), "up", String.valueOf(e.getValue().up()),
                        "a probe of this system at this moment is already stored with up = " + old));
            }
        }
        if (!errors.isEmpty()) {
            return IngestReport.refused(input.size(), duplicates, errors);
        }
        template.batchUpdate("insert into availability_probe (system_id, probed_at, up) values (?, ?, ?)", inserts, 1000, (ps, p) -> {
            ps.setLong(1, p.systemId());
            ps.setTimestamp(2, Timestamp.from(p.probedAt()));
            ps.setBoolean(3, p.up());
        });
        return IngestReport.stored(input.size(), inserts.size(), duplicates);
    }
}
