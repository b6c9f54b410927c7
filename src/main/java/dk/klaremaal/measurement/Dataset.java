package dk.klaremaal.measurement;

import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.JsonRows;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFormats;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * A kind of measurement data that systems send in rows (as CSV or JSON) to
 * {@code POST /api/v1/{name}}. Every dataset validates every row, treats an exact re-send as a
 * duplicate, and stores all rows or none.
 */
public interface Dataset {

    /** The URL segment, e.g. {@code case-events}. */
    String name();

    /** The columns a CSV header must name; further optional columns are read when present. */
    List<String> requiredColumns();

    /**
     * Validates and stores the rows, reading them one at a time as they are iterated, so that an
     * upload of any size is taken in constant memory. {@code sender} names who sent them (the API
     * token), for datasets that record it.
     */
    IngestReport ingest(Iterable<RawRow> rows, String sender);

    /** A CSV upload, read a row at a time. */
    @Transactional
    default IngestReport ingestCsv(Reader csv, String sender) {
        try (RowFormats.CsvRows rows = RowFormats.csvRows(csv, requiredColumns())) {
            return ingest(rows, sender);
        }
    }

    /** A JSON array, read an element at a time. */
    @Transactional
    default IngestReport ingestJson(InputStream json, String sender) {
        try (JsonRows rows = JsonRows.of(json, requiredColumns())) {
            return ingest(rows, sender);
        }
    }
}
