package dk.klaremaal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk loading with PostgreSQL's COPY, on the connection of the current transaction: rows are
 * written as CSV lines ({@link #line}) to a file or buffer and copied in one command.
 */
public final class PostgresCopy {

    private PostgresCopy() {
    }

    /** Runs {@code copy <table> (<columns>) from stdin (format csv)} with the rows read from {@code csv}; returns the row count. */
    public static long in(DataSource dataSource, String tableAndColumns, Reader csv) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin (format csv)", csv);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + tableAndColumns + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Starts {@code copy <table> (<columns>) from stdin (format csv)} and returns a writer for its CSV lines,
     * so rows reach PostgreSQL while they are still being produced. Until the writer is closed (which ends
     * the copy), nothing else may use the transaction's connection.
     */
    public static Out open(DataSource dataSource, String tableAndColumns) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin (format csv)");
            return new Out(dataSource, connection, tableAndColumns, copy);
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("COPY into " + tableAndColumns + " failed: " + e.getMessage(), e);
        }
    }

    /** The lines of a running COPY. {@link #close} ends it; {@link #rows} then tells how many rows it stored. */
    public static final class Out extends Writer {
        private final DataSource dataSource;
        private final Connection connection;
        private final String tableAndColumns;
        private final CopyIn copy;
        /** The bytes of the lines not yet handed to the driver: text is encoded once, straight into it. */
        private final byte[] buffer = new byte[1 << 16];
        private int size;
        private long rows = -1;
        private boolean released;

        private Out(DataSource dataSource, Connection connection, String tableAndColumns, CopyIn copy) {
            this.dataSource = dataSource;
            this.connection = connection;
            this.tableAndColumns = tableAndColumns;
            this.copy = copy;
        }

        @Override
        public void write(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > buffer.length - size) {
                send();
                if (bytes.length > buffer.length) {
                    toCopy(bytes, bytes.length);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            write(new String(chars, offset, length));
        }

        /** One character; a character outside ASCII is encoded on its own (surrogate pairs must come as a string). */
        @Override
        public void write(int c) throws IOException {
            if (c >= 0x80) {
                write(String.valueOf((char) c));
                return;
            }
            if (size == buffer.length) {
                send();
            }
            buffer[size++] = (byte) c;
        }

        @Override
        public void flush() throws IOException {
            send();
        }

        private void send() throws IOException {
            toCopy(buffer, size);
            size = 0;
        }

        private void toCopy(byte[] bytes, int length) throws IOException {
            if (length == 0) {
                return;
            }
            try {
                copy.writeToCopy(bytes, 0, length);
            } catch (SQLException e) {
                throw new IOException("COPY into " + tableAndColumns + " failed: " + e.getMessage(), e);
            }
        }

        /** The number of rows stored, once closed. */
        public long rows() {
            return rows;
        }

        /** Ends the copy; if writing failed on the way, call {@link #cancel} instead. */
        @Override
        public void close() throws IOException {
            if (released) {
                return;
            }
            try {
                send();
                rows = copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into " + tableAndColumns + " failed: " + e.getMessage(), e);
            } finally {
                release();
            }
        }

        /** Abandons the copy (the transaction is rolled back anyway) and frees the connection. */
        public void cancel() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // The transaction fails and is rolled back; the original error is the one to report.
            } finally {
                release();
            }
        }

        private void release() {
            if (!released) {
                released = true;
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /**
     * A point in time as PostgreSQL reads it, in UTC ({@code 2024-03-01 08:30:00.5+00}); written for every
     * row of a large upload, so without the general formatter (years outside 1000–9999 fall back to it).
     */
    static String timestamp(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return instant.toString();
        }
        StringBuilder b = new StringBuilder(36);
        b.append(t.getYear()).append('-');
        twoDigits(b, t.getMonthValue()).append('-');
        twoDigits(b, t.getDayOfMonth()).append(' ');
        twoDigits(b, t.getHour()).append(':');
        twoDigits(b, t.getMinute()).append(':');
        twoDigits(b, t.getSecond());
        if (t.getNano() > 0) {
            String nanos = Integer.toString(1_000_000_000 + t.getNano());
            b.append('.').append(nanos, 1, nanos.length());
        }
        return b.append("+00").toString();
    }

    private static StringBuilder twoDigits(StringBuilder b, int n) {
        return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** Writes one CSV line: null as an empty unquoted field, everything else quoted. */
    public static void line(Writer out, Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object field = fields[i];
            if (field != null) {
                String text = field instanceof Instant instant ? timestamp(instant) : field.toString();
                out.write('"');
                if (text.indexOf('"') >= 0) {
                    text = text.replace("\"", "\"\"");
                }
                out.write(text);
                out.write('"');
            }
        }
        out.write('\n');
    }
}
