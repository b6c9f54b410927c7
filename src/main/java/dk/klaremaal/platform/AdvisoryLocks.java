package dk.klaremaal.platform;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transaction-scoped PostgreSQL advisory locks that serialise writes across application nodes.
 * Each kind of data has its own namespace; several keys are always locked in ascending order, so two
 * writers cannot deadlock.
 */
public final class AdvisoryLocks {

    public static final int DEMO = 0x4B4C;
    public static final int CASE_TYPE = 0x4B4C;
    public static final int CONTACTS = 0x4B4D;
    public static final int SURVEYS = 0x4B53;
    public static final int SYSTEM = 0x4B41;
    public static final int SERIES = 0x4B56;
    /** One rebuild of the derived case data at a time (key 0), across all nodes. */
    public static final int DERIVED_DATA = 0x4B52;

    private AdvisoryLocks() {
    }

    /** Holds the lock (namespace, key) until the current transaction ends. */
    public static void lock(JdbcClient jdbc, int namespace, long key) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(namespace, (int) key).query((rs, i) -> 1).list();
    }

    public static void lockAll(JdbcClient jdbc, int namespace, Collection<Long> keys) {
        keys.stream().distinct().sorted().forEach(key -> lock(jdbc, namespace, key));
    }
}
