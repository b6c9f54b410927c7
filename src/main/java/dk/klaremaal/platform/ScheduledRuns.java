package dk.klaremaal.platform;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job once per slot across all nodes on the database: each node's scheduler asks to
 * claim the slot, and only the node whose claim inserts the slot's row runs the job. A claim that has
 * not finished within its lease (the node died) may be taken over by another node.
 */
@Component
public class ScheduledRuns {

    /** This node, as runs name it. */
    public static final String NODE = hostName() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);

    private final JdbcClient jdbc;

    ScheduledRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this node got the slot: it did when no node has claimed it, or the last claim ran out its lease unfinished. */
    public boolean claim(String job, String slot, Duration lease) {
        return jdbc.sql("""
                        insert into scheduled_run (job, slot, node) values (?, ?, ?)
                        on conflict (job, slot) do update set node = excluded.node, started_at = now(), finished_at = null, outcome = null
                            where scheduled_run.finished_at is null and scheduled_run.started_at < now() - make_interval(secs => ?)
                        returning node""")
                .params(job, slot, NODE, lease.toSeconds())
                .query(String.class).optional().isPresent();
    }

    public void finish(String job, String slot, String outcome) {
        jdbc.sql("update scheduled_run set finished_at = now(), outcome = ? where job = ? and slot = ? and node = ?")
                .params(outcome, job, slot, NODE).update();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }
}
