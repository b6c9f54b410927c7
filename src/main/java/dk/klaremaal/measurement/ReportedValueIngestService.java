package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.Series;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.goals.Period;
import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public static final List<String> COLUMNS = List.of("organisation", "series", "period", "value", "reported_by");

    /** The largest value of any series, and the most decimals kept. */
    static final BigDecimal LARGEST = new BigDecimal("1000000000000");
    static final int MAX_DECIMALS = 6;

    private static final List<String> KEY = List.of("series_id", "period_kind", "period_start");
    private static final List<String> COMPARED = List.of("value");
    /** The value of each series and period that counts now: the newest one reported. */
    private static final String CURRENT = """
            (select distinct on (series_id, period_kind, period_start) series_id, period_kind, period_start, value from series_value
             where series_id in (select distinct series_id from %s)
             order by series_id, period_kind, period_start, reported_at desc, id desc)""";

    private final RowOrganisations rowOrganisations;
    private final SourceRepository sources;
    private final Staging staging;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ReportedValueIngestService(SourceRepository sources, Staging staging, JdbcClient jdbc, Clock clock,
                                      RowOrganisations rowOrganisations) {
        this.sources = sources;
        this.staging = staging;
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

    private record SeriesKey(long organisationId, String code) {
    }

    @Override
    @Transactional
    public IngestReport ingest(Iterable<RawRow> rows, String sender) {
        RowErrors errors = new RowErrors();
        RowOrganisations.Lookup organisations = rowOrganisations.lookup();
        // Read before the rows: while they are copied in, the transaction's connection is busy.
        Map<SeriesKey, Series> series = new HashMap<>();
        sources.findAllSeries().forEach(s -> series.put(new SeriesKey(s.organisationId(), s.code()), s));
        StagedRows staged = staging.create("incoming_series_value", List.of("series_id bigint", "series text", "period_kind text",
                "period_start date", "period text", "value numeric", "note text", "reported_by text"));
        int count = staged.copy(rows, raw -> checked(raw, organisations, series, errors));
        // Reports are few and typed by hand: one lock for all series keeps two nodes from giving a series two kinds of period.
        AdvisoryLocks.lock(jdbc, AdvisoryLocks.SERIES, 0);
        // A series keeps the kind of period it was first reported for: the stored one, or else the upload's first row's.
        staged.dropRefused("other_kind", """
                with kinds as (
                    select f.series_id, coalesce((select period_kind from series_value v where v.series_id = f.series_id limit 1),
                                                 f.period_kind) as kind
                    from (select distinct on (series_id) series_id, period_kind from %1$s order by series_id, row) f)
                select i.ctid as tid, i.row, i.series, i.period, i.period_kind, k.kind from %1$s i join kinds k using (series_id)
                where i.period_kind <> k.kind""".formatted(staged.table()),
                (rs, n) -> new RowError(rs.getInt("row"), rs.getString("series"), "period", rs.getString("period"),
                        "series " + rs.getString("series") + " is reported per " + rs.getString("kind") + ", not per "
                                + rs.getString("period_kind")), errors);
        int duplicates = staged.dropRepeats(KEY, COMPARED, null,
                (rs, n) -> new RowError(rs.getInt("row"), rs.getString("series"), "value", rs.getBigDecimal("value").toPlainString(),
                        "row " + rs.getInt("earlier_row") + " reports " + rs.getBigDecimal("earlier_value").toPlainString()
                                + " for the same series and period"), errors);
        // A different value than the current one is a correction, kept beside it: nothing stored is contradicted.
        duplicates += staged.dropResends(CURRENT.formatted(staged.table()), KEY, COMPARED, "true", (rs, n) -> null, errors);
        if (!errors.isEmpty()) {
            return errors.report(count, duplicates);
        }
        int accepted = staged.update("""
                insert into series_value (series_id, period_kind, period_start, value, note, reported_by, reported_via)
                select series_id, period_kind, period_start, value, note, reported_by, ? from %s order by row""".formatted(staged.table()),
                sender);
        return IngestReport.stored(count, accepted, duplicates);
    }

    /** The row's values to stage; null when the row is refused. */
    private Object[] checked(RawRow raw, RowOrganisations.Lookup organisations, Map<SeriesKey, Series> seriesByCode, RowErrors errors) {
        RowFields row = new RowFields(raw, "series", errors.list());
        String code = row.text("series", true);
        String periodKey = row.text("period", true);
        BigDecimal value = row.decimal("value", true);
        String reportedBy = row.text("reported_by", true);
        String note = row.text("note", false);
        Organisation organisation = organisations.organisation(row);
        Series series = null;
        if (organisation != null && code != null) {
            series = seriesByCode.get(new SeriesKey(organisation.id(), code));
            if (series == null) {
                row.fail("series", organisation.name() + " has no reported series with this code");
            }
        }
        Period period = null;
        if (periodKey != null) {
            try {
                period = Period.parse(periodKey);
                if (period.start().isBefore(MeasurementRanges.EARLIEST)) {
                    row.fail("period", "lies before " + MeasurementRanges.EARLIEST + ": measurements from earlier are not taken");
                } else if (period.start().isAfter(LocalDate.now(clock))) {
                    row.fail("period", "has not begun yet");
                }
            } catch (IllegalArgumentException e) {
                row.fail("period", e.getMessage());
            }
        }
        if (value != null) {
            checkValue(row, value, series);
        }
        if (!row.ok()) {
            return null;
        }
        return new Object[] {series.id(), series.code(), period.kind().code(), period.start(), period.key(), value, note, reportedBy};
    }

    /** Every value lies within ±{@link #LARGEST} with at most {@link #MAX_DECIMALS} decimals; a series' unit narrows that. */
    private static void checkValue(RowFields row, BigDecimal value, Series series) {
        if (value.abs().compareTo(LARGEST) >= 0) {
            row.fail("value", "must lie between -" + LARGEST.toPlainString() + " and " + LARGEST.toPlainString());
        } else if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            row.fail("value", "has more than " + MAX_DECIMALS + " decimals");
        } else if (series != null && series.unit() == Series.Unit.COUNT && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
            row.fail("value", "series " + series.code() + " counts, so the value is a whole number 0 or more");
        } else if (series != null && series.unit() == Series.Unit.PERCENT && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            row.fail("value", "series " + series.code() + " is a percentage, so the value lies between 0 and 100");
        } else if (series != null && (series.unit() == Series.Unit.HOURS || series.unit() == Series.Unit.DAYS) && value.signum() < 0) {
            row.fail("value", "series " + series.code() + " counts " + series.unit().code() + ", so the value is 0 or more");
        }
    }
}
