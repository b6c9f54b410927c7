package dk.klaremaal.platform;

import java.util.List;

/**
 * The answer to an ingest request. A request is atomic: {@code stored} is false and nothing was
 * written when any row was rejected.
 */
public record IngestReport(boolean stored, int rows, int accepted, int duplicates, int rejected, List<RowError> errors) {

    /**
     * Why one row was rejected: its number (a CSV header is row 1, as a spreadsheet shows it; in
     * JSON the first element is row 1), the row's own id, the field, the value given, and the reason.
     */
    public record RowError(int row, String id, String field, String value, String reason) {
    }

    public static IngestReport refused(int rows, int duplicates, List<RowError> errors) {
        List<RowError> sorted = errors.stream().sorted(java.util.Comparator.comparingInt(RowError::row)).toList();
        int rejected = (int) sorted.stream().mapToInt(RowError::row).distinct().count();
        return new IngestReport(false, rows, 0, duplicates, rejected, sorted);
    }

    public static IngestReport stored(int rows, int accepted, int duplicates) {
        return new IngestReport(true, rows, accepted, duplicates, 0, List.of());
    }
}
