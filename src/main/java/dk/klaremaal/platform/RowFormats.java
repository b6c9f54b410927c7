package dk.klaremaal.platform;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the rows of an upload: RFC 4180 CSV with a header row, or a JSON array of flat objects. */
public final class RowFormats {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();

    private RowFormats() {
    }

    /** CSV whose header names at least the required columns; the header is row 1, data starts at row 2. */
    public static List<RawRow> csv(Reader input, List<String> required) {
        try (CSVParser parser = FORMAT.parse(skipByteOrderMark(input))) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = required.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("header", "row 1 must name the columns " + String.join(", ", required)
                        + "; missing: " + String.join(", ", missing));
            }
            List<RawRow> rows = new ArrayList<>();
            int row = 1;
            for (CSVRecord record : parser) {
                row++;
                Map<String, String> fields = new HashMap<>();
                for (String column : header.keySet()) {
                    if (record.isSet(column)) {
                        fields.put(column, record.get(column));
                    }
                }
                rows.add(new RawRow(row, fields));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new InvalidInputException("csv", "the file is not valid CSV: " + e.getMessage());
        }
    }

    /** A JSON array of objects whose values are strings, numbers or booleans; the first element is row 1. */
    public static List<RawRow> json(List<Map<String, Object>> items, List<String> required) {
        List<RawRow> rows = new ArrayList<>(items.size());
        int row = 0;
        for (Map<String, Object> item : items) {
            row++;
            if (item == null) {
                throw new InvalidInputException("[" + row + "]", "must be an object with the fields " + String.join(", ", required));
            }
            Map<String, String> fields = new HashMap<>();
            for (Map.Entry<String, Object> e : item.entrySet()) {
                Object value = e.getValue();
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    throw new InvalidInputException("[" + row + "]." + e.getKey(), "must be a string, number or boolean");
                }
                if (value != null) {
                    fields.put(e.getKey(), value.toString());
                }
            }
            rows.add(new RawRow(row, fields));
        }
        return rows;
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
}
