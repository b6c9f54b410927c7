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
        List<RawRow> rows = new ArrayList<>();
        try (CsvRows stream = csvRows(input, required)) {
            stream.forEach(rows::add);
        }
        return rows;
    }

    /**
     * The same rows, read one at a time as they are iterated, so a file of any size is read in
     * constant memory. The header is checked at once; a malformed row ends the iteration with an
     * {@link InvalidInputException}. Close it when done.
     */
    public static CsvRows csvRows(Reader input, List<String> required) {
        try {
            CSVParser parser = FORMAT.parse(skipByteOrderMark(input));
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = required.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                parser.close();
                throw new InvalidInputException("header", "row 1 must name the columns " + String.join(", ", required)
                        + "; missing: " + String.join(", ", missing));
            }
            return new CsvRows(parser, List.copyOf(header.keySet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new InvalidInputException("csv", "the file is not valid CSV: " + e.getMessage());
        }
    }

    /** CSV rows read lazily from an open parser. */
    public static final class CsvRows implements Iterable<RawRow>, AutoCloseable {

        private final CSVParser parser;
        private final List<String> columns;

        private CsvRows(CSVParser parser, List<String> columns) {
            this.parser = parser;
            this.columns = columns;
        }

        @Override
        public java.util.Iterator<RawRow> iterator() {
            java.util.Iterator<CSVRecord> records = parser.iterator();
            return new java.util.Iterator<>() {
                private int row = 1;

                @Override
                public boolean hasNext() {
                    try {
                        return records.hasNext();
                    } catch (IllegalStateException | UncheckedIOException e) {
                        throw new InvalidInputException("csv", "the file is not valid CSV after row " + row + ": " + e.getMessage());
                    }
                }

                @Override
                public RawRow next() {
                    CSVRecord record;
                    try {
                        record = records.next();
                    } catch (IllegalStateException | UncheckedIOException e) {
                        throw new InvalidInputException("csv", "the file is not valid CSV after row " + row + ": " + e.getMessage());
                    }
                    row++;
                    Map<String, String> fields = new HashMap<>();
                    for (String column : columns) {
                        if (record.isSet(column)) {
                            fields.put(column, record.get(column));
                        }
                    }
                    return new RawRow(row, fields);
                }
            };
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
