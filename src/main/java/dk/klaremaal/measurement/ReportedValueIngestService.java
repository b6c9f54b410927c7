package dk.klaremaal.measurement;

import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.Series;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.goals.Period;
import dk.klaremaal.goals.PeriodKind;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFields;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes values of reported series in, one per series and period, each with the person who reports
 * it. Sending the current value again is a duplicate; a different value is a correction that is
 * kept beside the old one, and the newest counts. A series holds periods of one kind only, so that
 * a year is never counted on top of its own months.
 */
@Service
public class ReportedValueIngestService implements Dataset {

    private final RowOrganisations rowOrganisations;

    public static final List<String> COLUMNS = List.of("organisation", "series", "period", "value", "reported_by");

    private final SourceRepository sources;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ReportedValueIngestService(SourceRepository sources, JdbcClient jdbc, Clock clock,
                                      RowOrganisations rowOrganisations) {
        this.sources = sources;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rowOrganisations = rowOrganisations;
    }

    @Override
    public String name() {
        return DatasetNames.REPORTED_VALUES;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    record Value(long seriesId, Period period, BigDecimal value, String note, String reportedBy) {
    }

    @Override
    @Transactional
    public IngestReport ingest(List<RawRow> rows, String sender) {
        List<RowError> errors = new ArrayList<>();
        RowOrganisations.Lookup organisations = rowOrganisations.lookup();
        Map<String, Optional<Series>> seriesByCode = new HashMap<>();
        Map<Long, PeriodKind> kinds = new HashMap<>();
        Map<String, Value> byKey = new LinkedHashMap<>();
        Map<String, Integer> rowOf = new HashMap<>();
        int duplicates = 0;
        // Reports are few and typed by hand: one lock for all series keeps two nodes from giving a series two kinds of period.
        AdvisoryLocks.lock(jdbc, AdvisoryLocks.SERIES, 0);
        for (RawRow raw : rows) {
            RowFields row = new RowFields(raw, "series", errors);
            String code = row.text("series", true);
            String periodKey = row.text("period", true);
            BigDecimal value = row.decimal("value", true);
            String reportedBy = row.text("reported_by", true);
            String note = row.text("note", false);
            Organisation organisation = organisations.organisation(row);
            Series series = null;
            if (organisation != null && code != null) {
                series = seriesByCode.computeIfAbsent(organisation.id() + "\n" + code,
                        k -> sources.findSeries(organisation.id(), code)).orElse(null);
                if (series == null) {
                    row.fail("series", organisation.name() + " has no reported series with this code");
                }
            }
            Period period = null;
            if (periodKey != null) {
                try {
                    period = Period.parse(periodKey);
                    if (period.start().isAfter(LocalDate.now(clock))) {
                        row.fail("period", "has not begun yet");
                    }
                } catch (IllegalArgumentException e) {
                    row.fail("period", e.getMessage());
                }
            }
            if (series != null && value != null && (series.unit() == Series.Unit.COUNT)
                    && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
                row.fail("value", "series " + series.code() + " counts, so the value is a whole number 0 or more");
            }
            if (series != null && period != null) {
                Series s = series;
                PeriodKind kind = kinds.computeIfAbsent(s.id(), id -> storedKind(id).orElse(null));
                if (kind == null) {
                    kinds.put(s.id(), period.kind());
                } else if (kind != period.kind()) {
                    row.fail("period", "series " + s.code() + " is reported per " + kind.code() + ", not per " + period.kind().code());
                }
            }
            if (!row.ok()) {
                continue;
            }
            Value v = new Value(series.id(), period, value, note, reportedBy);
            String key = series.id() + "\n" + period.key();
            Value earlier = byKey.get(key);
            if (earlier == null) {
                byKey.put(key, v);
                rowOf.put(key, raw.row());
            } else if (earlier.value().compareTo(v.value()) == 0) {
                duplicates++;
            } else {
                row.fail("value", "row " + rowOf.get(key) + " reports " + earlier.value().toPlainString() + " for the same series and period");
            }
        }
        if (!errors.isEmpty()) {
            return IngestReport.refused(rows.size(), duplicates, errors);
        }
        int accepted = 0;
        for (Value v : byKey.values()) {
            Optional<BigDecimal> current = jdbc.sql("""
                            select value from series_value where series_id = ? and period_start = ? and period_kind = ?
                            order by reported_at desc, id desc limit 1""")
                    .params(v.seriesId(), Date.valueOf(v.period().start()), v.period().kind().code()).query(BigDecimal.class).optional();
            if (current.isPresent() && current.get().compareTo(v.value()) == 0) {
                duplicates++;
                continue;
            }
            jdbc.sql("""
                            insert into series_value (series_id, period_kind, period_start, value, note, reported_by, reported_via)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(v.seriesId(), v.period().kind().code(), Date.valueOf(v.period().start()), v.value(), v.note(),
                            v.reportedBy(), sender).update();
            accepted++;
        }
        return IngestReport.stored(rows.size(), accepted, duplicates);
    }

    private Optional<PeriodKind> storedKind(long seriesId) {
        return jdbc.sql("select period_kind from series_value where series_id = ? limit 1").param(seriesId)
                .query(String.class).optional().map(PeriodKind::fromCode);
    }
}
