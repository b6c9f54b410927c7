package dk.klaremaal.measurement;

import java.util.List;

/**
 * The answer to an ingest request. A request is atomic: {@code stored} is false and nothing was
 * written when any row was rejected.
 */
public record IngestReport(boolean stored, int rows, int accepted, int duplicates, int rejected, List<RowError> errors) {

    /** Why one row was rejected. Row numbers count a CSV header as row 1, as a spreadsheet shows them. */
    public record RowError(int row, String eventId, String field, String value, String reason) {
    }
}
