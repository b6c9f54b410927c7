package dk.klaremaal.bench;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads a large amount of rows into a table the way a restore does: the table's indexes (and the
 * primary-key and unique constraints they enforce) are dropped, the rows inserted, and the indexes
 * built again from their own definitions, in the same transaction. Building an index once from all
 * rows is several times cheaper than adding millions of rows to it one by one, but the table is
 * locked against readers until the transaction ends: the application never does it to a table that
 * is read, and the storage-floor benchmark uses it to show the fastest way the rows could be stored.
 */
public final class TableIndexes {

    private TableIndexes() {
    }

    private record Definition(String drop, String create) {
    }

    /**
     * Runs {@code load} with the indexes of {@code table} dropped and rebuilds them after it; if a
     * unique index cannot be rebuilt the statement fails and the transaction is rolled back with it.
     * {@code memory} is the working memory each index build may use (e.g. {@code 256MB}).
     */
    public static <T> T rebuiltAround(JdbcClient jdbc, String table, String memory, Supplier<T> load) {
        jdbc.sql("lock table " + table + " in access exclusive mode").update();
        List<Definition> definitions = jdbc.sql("""
                        select format('alter table %s drop constraint %I', k.conrelid::regclass, k.conname) as drop,
                               format('alter table %s add constraint %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid)) as create
                        from pg_constraint k
                        where k.conrelid = ?::regclass and k.contype in ('p', 'u')
                        union all
                        select format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                        from pg_index i
                        where i.indrelid = ?::regclass and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)""")
                .params(table, table)
                .query((rs, n) -> new Definition(rs.getString("drop"), rs.getString("create"))).list();
        definitions.forEach(d -> jdbc.sql(d.drop()).update());
        T result = load.get();
        jdbc.sql("select set_config('maintenance_work_mem', ?, true)").param(memory).query((rs, n) -> 0).list();
        definitions.forEach(d -> jdbc.sql(d.create()).update());
        return result;
    }
}
