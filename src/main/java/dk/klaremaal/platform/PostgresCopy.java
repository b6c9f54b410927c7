package dk.klaremaal.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
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
