package dk.klaremaal.measurement;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Creates the temporary tables uploads are checked in ({@link StagedRows}). */
@Repository
class Staging {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    /** Reads long results a batch at a time instead of all at once. */
    private final JdbcTemplate streaming;
    private final String workMem;

    Staging(JdbcClient jdbc, DataSource dataSource, @Value("${klaremaal.ingest.work-mem:256MB}") String workMem) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.workMem = workMem;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
    }

    /**
     * A new temporary table {@code name} with the column {@code row integer} and then
     * {@code columns}, each given as {@code "name type"}, dropped when the transaction ends.
     */
    StagedRows create(String name, List<String> columns) {
        // Sorts and hash tables of a large upload stay in memory instead of spilling to disk, for this transaction only.
        jdbc.sql("select set_config('work_mem', ?, true)").param(workMem).query((rs, n) -> 0).list();
        jdbc.sql("drop table if exists pg_temp." + name).update();
        jdbc.sql("create temp table " + name + " (row integer, " + String.join(", ", columns) + ") on commit drop").update();
        List<String> names = new ArrayList<>();
        names.add("row");
        columns.forEach(c -> names.add(c.substring(0, c.indexOf(' '))));
        return new StagedRows(jdbc, dataSource, streaming, name, List.copyOf(names));
    }
}
