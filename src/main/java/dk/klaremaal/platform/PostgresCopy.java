package dk.klaremaal.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
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
        private final Writer text;
        private long rows = -1;
        private boolean released;

        private Out(DataSource dataSource, Connection connection, String tableAndColumns, CopyIn copy) {
            this.dataSource = dataSource;
            this.connection = connection;
            this.tableAndColumns = tableAndColumns;
            this.copy = copy;
            this.text = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            text.write(chars, offset, length);
        }

        @Override
        public void write(String s) throws IOException {
            text.write(s);
        }

        @Override
        public void write(int c) throws IOException {
            text.write(c);
        }

        @Override
        public void flush() throws IOException {
            text.flush();
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
                text.flush();
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

    /** Writes one CSV line: null as an empty unquoted field, everything else quoted. */
    public static void line(Writer out, Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object field = fields[i];
            if (field != null) {
                String text = field.toString();
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
