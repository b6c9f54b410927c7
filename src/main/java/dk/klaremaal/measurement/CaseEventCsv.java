package dk.klaremaal.measurement;

import dk.klaremaal.platform.InvalidInputException;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads case events from CSV with the header event_id, organisation, case_type, case_id, event, occurred_at. */
public final class CaseEventCsv {

    public static final List<String> COLUMNS = List.of("event_id", "organisation", "case_type", "case_id", "event", "occurred_at");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();

    private CaseEventCsv() {
    }

    public static List<RawEventRow> read(Reader input) {
        try (CSVParser parser = FORMAT.parse(skipByteOrderMark(input))) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("header", "row 1 must name the columns " + String.join(", ", COLUMNS)
                        + "; missing: " + String.join(", ", missing));
            }
            List<RawEventRow> rows = new ArrayList<>();
            int row = 1;
            for (CSVRecord record : parser) {
                row++;
                rows.add(new RawEventRow(row, get(record, "event_id"), get(record, "organisation"), get(record, "case_type"),
                        get(record, "case_id"), get(record, "event"), get(record, "occurred_at")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("csv", "the file is not valid CSV: " + e.getMessage());
        }
    }

    /** Spreadsheet programs often start a UTF-8 file with a byte-order mark; it is not part of the header. */
    private static Reader skipByteOrderMark(Reader input) throws IOException {
        PushbackReader reader = new PushbackReader(input, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static String get(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column) : null;
    }
}
