package dk.klaremaal.platform;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/** Reads the rows of an upload: RFC 4180 CSV with a header row, or a JSON array of flat objects. */
public final class RowFormats {

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
     * {@link InvalidInputException}, as does a quote that is never closed (which would make the rest
     * of the file one value). Close it when done. Spaces, tabs and line breaks around values are
     * removed (other control characters are kept, for the row checks to refuse); blank lines are
     * skipped; a row may leave out trailing columns (they count as empty) and may have more than the header.
     */
    public static CsvRows csvRows(Reader input, List<String> required) {
        CsvReader<CsvRecord> reader;
        java.util.Iterator<CsvRecord> records;
        QuoteTracker quotes;
        try {
            quotes = new QuoteTracker(skipByteOrderMark(input));
            reader = CsvReader.builder().skipEmptyLines(true).allowMissingFields(true).allowExtraFields(true)
                    .ofCsvRecord(quotes);
            records = reader.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = new ArrayList<>();
        try {
            if (records.hasNext()) {
                records.next().getFields().forEach(name -> header.add(RawRow.withoutBlanks(name)));
            }
        } catch (CsvParseException | UncheckedIOException e) {
            close(reader);
            throw new InvalidInputException("csv", "the file is not valid CSV: " + message(e));
        }
        if (quotes.unclosed()) {
            close(reader);
            throw unclosedQuote(1, quotes, header);
        }
        List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            close(reader);
            throw new InvalidInputException("header", "row 1 must name the columns " + String.join(", ", required)
                    + "; missing: " + String.join(", ", missing));
        }
        return new CsvRows(reader, records, header, quotes);
    }

    /** The quote is in the last row read: the parser took everything after it, to the end of the file, into that row. */
    private static InvalidInputException unclosedQuote(int row, QuoteTracker quotes, List<String> columns) {
        int column = quotes.openColumn();
        String field = row == 1 ? "header" : column < columns.size() ? columns.get(column) : "csv";
        return new InvalidInputException(field, "row " + row + ": the quote opened on line " + quotes.openLine()
                + " is never closed, so the rest of the file would be read as this one value; close the quote"
                + " (a quote inside a quoted value is written twice: \"\")");
    }

    private static String message(RuntimeException e) {
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getMessage() + " (" + e.getCause().getMessage() + ")" : e.getMessage();
    }

    private static void close(CsvReader<?> reader) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV rows read lazily from an open reader. */
    public static final class CsvRows implements Iterable<RawRow>, AutoCloseable {

        private final CsvReader<CsvRecord> reader;
        private final java.util.Iterator<CsvRecord> records;
        private final List<String> columns;

        private final boolean[] firstOfItsName;
        private final QuoteTracker quotes;

        private CsvRows(CsvReader<CsvRecord> reader, java.util.Iterator<CsvRecord> records, List<String> columns, QuoteTracker quotes) {
            this.reader = reader;
            this.records = records;
            this.columns = columns;
            this.quotes = quotes;
            this.firstOfItsName = new boolean[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                firstOfItsName[i] = columns.indexOf(columns.get(i)) == i;
            }
        }

        @Override
        public java.util.Iterator<RawRow> iterator() {
            return new java.util.Iterator<>() {
                private int row = 1;

                @Override
                public boolean hasNext() {
                    boolean more;
                    try {
                        more = records.hasNext();
                    } catch (CsvParseException | UncheckedIOException e) {
                        throw new InvalidInputException("csv", "the file is not valid CSV after row " + row + ": " + message(e));
                    }
                    if (!more && quotes.unclosed()) {
                        throw unclosedQuote(row, quotes, columns);
                    }
                    return more;
                }

                @Override
                public RawRow next() {
                    CsvRecord record;
                    try {
                        record = records.next();
                    } catch (CsvParseException | UncheckedIOException e) {
                        throw new InvalidInputException("csv", "the file is not valid CSV after row " + row + ": " + message(e));
                    }
                    row++;
                    // Built immutable at once (RawRow keeps such a map as it is); a column named twice is read from its first place.
                    int present = Math.min(columns.size(), record.getFieldCount());
                    @SuppressWarnings("unchecked")
                    Map.Entry<String, String>[] fields = new Map.Entry[present];
                    int n = 0;
                    for (int i = 0; i < present; i++) {
                        if (firstOfItsName[i]) {
                            fields[n++] = Map.entry(columns.get(i), RawRow.withoutBlanks(record.getField(i)));
                        }
                    }
                    return new RawRow(row, Map.ofEntries(n == present ? fields : java.util.Arrays.copyOf(fields, n)));
                }
            };
        }

        @Override
        public void close() {
            RowFormats.close(reader);
        }
    }

    /**
     * Follows the text as the CSV parser reads it, only as far as quotes go (RFC 4180: a quote at the
     * start of a field opens it, a doubled quote inside stands for one, a single one closes it), so
     * that a quote still open at the end of the file is noticed: the parser reads it as a value that
     * runs to the end.
     */
    private static final class QuoteTracker extends Reader {

        private static final int FIELD_START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE_IN_QUOTED = 3;

        private final Reader in;
        private int state = FIELD_START;
        private boolean afterCarriageReturn;
        private long line = 1;
        private int column;
        private long openLine;
        private int openColumn;
        private boolean endOfInput;

        QuoteTracker(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                endOfInput = true;
            }
            for (int i = offset; i < offset + n; i++) {
                follow(buffer[i]);
            }
            return n;
        }

        private void follow(char c) {
            if (c == '\n' || c == '\r') {
                if (!(c == '\n' && afterCarriageReturn)) {
                    line++;
                }
                afterCarriageReturn = c == '\r';
                if (state != QUOTED) {
                    state = FIELD_START;
                    column = 0;
                }
                return;
            }
            afterCarriageReturn = false;
            switch (state) {
                case FIELD_START -> {
                    if (c == '"') {
                        state = QUOTED;
                        openLine = line;
                        openColumn = column;
                    } else if (c == ',') {
                        column++;
                    } else {
                        state = UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (c == ',') {
                        state = FIELD_START;
                        column++;
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    }
                }
                default -> {
                    if (c == '"') {
                        state = QUOTED;
                    } else if (c == ',') {
                        state = FIELD_START;
                        column++;
                    } else {
                        state = UNQUOTED;
                    }
                }
            }
        }

        boolean unclosed() {
            return endOfInput && state == QUOTED;
        }

        long openLine() {
            return openLine;
        }

        int openColumn() {
            return openColumn;
        }

        @Override
        public void close() throws IOException {
            in.close();
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
