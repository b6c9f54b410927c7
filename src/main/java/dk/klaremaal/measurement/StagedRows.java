package dk.klaremaal.measurement;

import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.PostgresCopy;
import dk.klaremaal.platform.RawRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checked rows of one upload in a temporary table of the current transaction, and what the
 * datasets do with them in SQL: every row is read, checked and copied in as it comes, so an upload
 * of any size takes the same memory; rows that repeat an earlier row or a stored one are then found
 * and set aside with a few set-based statements, leaving the rows to store. Errors are streamed into
 * {@link RowErrors}, which keeps only the first of them.
 * <p>
 * Every table has the column {@code row} (the row number); the datasets name the other columns as
 * in the table the rows are stored in. The tables are dropped when the transaction ends.
 */
final class StagedRows {

    /** Below this many rows PostgreSQL's default guesses about a table serve as well as statistics. */
    private static final int ANALYZED_FROM = 10_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JdbcTemplate streaming;
    private final String table;
    private final List<String> columns;

    StagedRows(JdbcClient jdbc, DataSource dataSource, JdbcTemplate streaming, String table, List<String> columns) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.streaming = streaming;
        this.table = table;
        this.columns = columns;
    }

    /** The table's name, for the dataset's own statements. */
    String table() {
        return table;
    }

    /**
     * Reads every row, checks it, and copies the values of each row that passes (in the order of the
     * columns after {@code row}); {@code check} returns null for a refused row. Returns how many rows
     * were read. Nothing else may use the transaction's connection while this runs.
     */
    int copy(Iterable<RawRow> rows, Function<RawRow, Object[]> check) {
        int count = 0;
        PostgresCopy.Out out = PostgresCopy.open(dataSource, table + " (" + String.join(", ", columns) + ")");
        try {
            Object[] line = new Object[columns.size()];
            for (RawRow raw : rows) {
                count++;
                Object[] values = check.apply(raw);
                if (values != null) {
                    line[0] = raw.row();
                    System.arraycopy(values, 0, line, 1, values.length);
                    PostgresCopy.line(out, line);
                }
            }
            out.close();
        } catch (IOException e) {
            out.cancel();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            out.cancel();
            throw e;
        }
        if (out.rows() >= ANALYZED_FROM) {
            jdbc.sql("analyze " + table).update();
        }
        return count;
    }

    /**
     * Sets aside the rows that repeat an earlier row's key: each key keeps its first row, and every
     * later row must be the same in the {@code compared} columns, or it is refused with
     * {@code conflict}. {@code succeeds} (SQL over the first row {@code f} and a later row {@code i}, or
     * null) names a later row that may take the first one's place (a pending contact that the file
     * then completes): from it on, the later rows are compared with it. Returns how many rows were the
     * same as the one kept. The refused rows are read with their own columns, {@code earlier_row} (the
     * row they differ from) and {@code earlier_<column>} for each compared column.
     */
    int dropRepeats(List<String> key, List<String> compared, String succeeds, RowMapper<RowError> conflict, RowErrors errors) {
        String k = String.join(", ", key);
        String earlier = compared.stream().map(c -> "ref." + c + " as earlier_" + c).collect(Collectors.joining(", "));
        jdbc.sql("""
                create temp table %1$s_repeat on commit drop as
                with repeated as (
                    select t.ctid as tid, t.* from %1$s t join (select %2$s from %1$s group by %2$s having count(*) > 1) r using (%2$s)),
                first as (
                    select distinct on (%2$s) * from repeated order by %2$s, row),
                successor as (
                    select distinct on (%2$s) i.* from repeated i join first f using (%2$s)
                    where i.row > f.row and (%3$s) order by %2$s, i.row),
                kept as (
                    select %2$s, f.row as first_row, s.row as successor_row from first f left join successor s using (%2$s))
                select i.*, ref.row as earlier_row, %4$s,
                       i.row = k.first_row or (%5$s) is not distinct from (%6$s) as same
                from repeated i join kept k using (%2$s)
                join repeated ref on ref.row = case when i.row > k.successor_row then k.successor_row else k.first_row end
                where i.row <> coalesce(k.successor_row, k.first_row)""".formatted(table, k, succeeds == null ? "false" : succeeds,
                earlier, prefixed("i", compared), prefixed("ref", compared))).update();
        int same = jdbc.sql("select count(*) from " + table + "_repeat where same").query(Integer.class).single();
        report("select * from " + table + "_repeat where not same order by row", conflict, errors);
        drop(table + "_repeat", "true");
        return same;
    }

    /**
     * Sets aside the rows whose key is already stored in {@code stored} (a table or a subquery with
     * the key and compared columns): the same in the {@code compared} columns, they are counted and
     * dropped; different, they are refused with {@code conflict}, unless {@code acceptedChange} (SQL
     * over the row {@code i} and the stored one {@code s}, or null) allows the change, and the row
     * stays to be stored. Returns how many rows were the same as the stored ones. The refused rows are
     * read with their own columns and {@code stored_<column>} for each compared column.
     */
    int dropResends(String stored, List<String> key, List<String> compared, String acceptedChange, RowMapper<RowError> conflict,
                    RowErrors errors) {
        String storedColumns = compared.stream().map(c -> "s." + c + " as stored_" + c).collect(Collectors.joining(", "));
        jdbc.sql("""
                create temp table %1$s_resend on commit drop as
                select i.ctid as tid, i.*, %2$s, (%3$s) is not distinct from (%4$s) as same, coalesce(%5$s, false) as accepted
                from %1$s i join %6$s s using (%7$s)""".formatted(table, storedColumns, prefixed("i", compared), prefixed("s", compared),
                acceptedChange == null ? "false" : acceptedChange, stored, String.join(", ", key))).update();
        int same = jdbc.sql("select count(*) from " + table + "_resend where same").query(Integer.class).single();
        report("select * from " + table + "_resend where not same and not accepted order by row", conflict, errors);
        drop(table + "_resend", "same or not accepted");
        return same;
    }

    /**
     * Refuses the rows that {@code select} finds (a query over this table that gives each row's
     * {@code tid} (its ctid), {@code row} and what {@code refusal} needs), and sets them aside.
     */
    void dropRefused(String name, String select, RowMapper<RowError> refusal, RowErrors errors) {
        String found = table + "_" + name;
        jdbc.sql("create temp table " + found + " on commit drop as " + select).update();
        report("select * from " + found + " order by row", refusal, errors);
        drop(found, "true");
    }

    /** Runs a statement of the dataset's (such as the insert of the rows left) and returns the rows it changed. */
    int update(String sql, Object... params) {
        return jdbc.sql(sql).params(params).update();
    }

    private void report(String sql, RowMapper<RowError> mapper, RowErrors errors) {
        // Read in batches: an upload that repeats a million stored rows differently gives a million refusals.
        streaming.query(sql, (RowCallbackHandler) rs -> errors.add(mapper.mapRow(rs, 0)));
    }

    /**
     * Deletes the rows found (by their physical addresses, kept when they were found: fetched straight from the table),
     * and the table that held them: another upload in the same transaction (the demo data) makes its own.
     */
    private void drop(String found, String condition) {
        jdbc.sql("delete from " + table + " where ctid = any (array(select tid from " + found + " where " + condition + "))").update();
        jdbc.sql("drop table " + found).update();
    }

    private static String prefixed(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }
}
