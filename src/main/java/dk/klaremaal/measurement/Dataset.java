package dk.klaremaal.measurement;

import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.RawRow;
import java.util.List;

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
     * Validates and stores the rows. {@code sender} names who sent them (the API token), for
     * datasets that record it.
     */
    IngestReport ingest(List<RawRow> rows, String sender);

    /** A CSV upload; datasets that stream large files override this to read the rows one at a time. */
    default IngestReport ingestCsv(java.io.Reader csv, String sender) {
        return ingest(dk.klaremaal.platform.RowFormats.csv(csv, requiredColumns()), sender);
    }
}
