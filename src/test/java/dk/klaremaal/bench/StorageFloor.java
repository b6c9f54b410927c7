package dk.klaremaal.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Part of the scale benchmark: what it costs PostgreSQL alone to store the rows an ingest of case
 * events must keep, without any of the ingest's work (no row checks, no duplicates found, no case
 * replayed). The rows are the ones an ingest stored: the events and the records, spans and histograms
 * derived from them are copied out of their tables and then copied straight back into empty copies of
 * those tables (same columns, constraints and indexes; the events' primary key becomes a plain index,
 * as the rows are checked nowhere), each table in its own transaction, in two ways:
 * <ul>
 *     <li>into the tables with their indexes, as an ingest does (readers of the tables keep reading);</li>
 *     <li>into the tables without indexes, which are then built from all rows at once (as a restore
 *     does; faster, but it locks every reader of the table out).</li>
 * </ul>
 * The events per second of the faster way is the most any ingest storing these rows can reach on the
 * machine and database it runs on. The copies are dropped at the end.
 *
 * <pre>java … dk.klaremaal.bench.StorageFloor jdbc:postgresql://… user [work_mem]</pre>
 */
public final class StorageFloor {

    /** A stored table and the columns an ingest writes into it. */
    private record Table(String name, String columns) {
        String copy() {
            return "floor_" + name;
        }
    }

    private static final List<Table> TABLES = List.of(
            new Table("case_event", "event_id, case_type_id, case_id, event, occurred_at"),
            new Table("case_record", "case_type_id, case_id, received_on, is_open, last_decided_on, calendar_days, working_days"),
            new Table("case_span", "case_type_id, case_id, seq, opened_on, closed_on"),
            new Table("case_days", "case_type_id, month, working, days, cases"));

    private StorageFloor() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String memory = args.length > 2 ? args[2] : "256MB";
        Path work = Files.createTempDirectory("klaremaal-floor");
        try (Connection pg = DriverManager.getConnection(url, user, "")) {
            PGConnection copies = pg.unwrap(PGConnection.class);
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(pg, true));
            long events = 0;
            double live = 0;
            double rebuilt = 0;
            System.out.println("| table: rows | with its indexes | indexes built after |");
            System.out.println("|---|---|---|");
            for (Table t : TABLES) {
                Path file = work.resolve(t.name() + ".copy");
                long rows;
                try (Writer out = Files.newBufferedWriter(file)) {
                    rows = copies.getCopyAPI().copyOut("copy " + t.name() + " (" + t.columns() + ") to stdout", out);
                }
                if (t.name().equals("case_event")) {
                    events = rows;
                }
                createCopy(pg, t);
                double withIndexes = timed(pg, () -> copyIn(copies, t, file));
                execute(pg, "truncate " + t.copy());
                // The way a restore stores rows (TableIndexes): indexes dropped, rows in, indexes built again.
                double indexesAfter = timed(pg, () -> TableIndexes.rebuiltAround(jdbc, t.copy(), memory, () -> copyIn(copies, t, file)));
                execute(pg, "drop table " + t.copy());
                Files.delete(file);
                live += withIndexes;
                rebuilt += indexesAfter;
                System.out.printf(Locale.ROOT, "| %s: %d | %.1f s | %.1f s |%n", t.name(), rows, withIndexes, indexesAfter);
            }
            System.out.printf(Locale.ROOT, "| all: %d events | %.1f s, %d events/s | %.1f s, %d events/s |%n",
                    events, live, Math.round(events / live), rebuilt, Math.round(events / rebuilt));
            System.out.printf(Locale.ROOT, "SUMMARY floor_events_per_s=%d floor_s=%.2f events=%d%n",
                    Math.round(events / Math.min(live, rebuilt)), Math.min(live, rebuilt), events);
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(work);
        }
    }

    /**
     * Creates the empty copy of a table, committed before anything is copied into it (a table created
     * in the copying transaction may skip the write-ahead log, which no ingest can).
     */
    private static void createCopy(Connection pg, Table t) throws SQLException {
        execute(pg, "drop table if exists " + t.copy());
        execute(pg, "create table " + t.copy() + " (like " + t.name() + " including defaults including constraints including indexes)");
        if (t.name().equals("case_event")) {
            // Nothing is checked here, and a re-sent event is a duplicate key: the key is indexed without its uniqueness.
            execute(pg, "alter table " + t.copy() + " drop constraint " + t.copy() + "_pkey");
            execute(pg, "create index on " + t.copy() + " (event_id)");
        }
    }

    /** Runs the work in one transaction and returns the seconds it took. */
    private static double timed(Connection pg, Runnable work) throws SQLException {
        pg.setAutoCommit(false);
        long start = System.nanoTime();
        try {
            work.run();
            pg.commit();
        } catch (RuntimeException e) {
            pg.rollback();
            throw e;
        } finally {
            pg.setAutoCommit(true);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Copies the file into the table's copy; returns the number of rows. */
    private static long copyIn(PGConnection copies, Table t, Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return copies.getCopyAPI().copyIn("copy " + t.copy() + " (" + t.columns() + ") from stdin", in);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("copy into " + t.copy() + " failed", e);
        }
    }

    private static void execute(Connection pg, String sql) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute(sql);
        }
    }
}
