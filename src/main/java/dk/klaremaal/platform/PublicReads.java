package dk.klaremaal.platform;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the answering of a public read in one read-only transaction whose lock waits are cut short
 * ({@code klaremaal.public-read.lock-timeout}): a page never queues behind a lock an ingest or a change holds, it
 * fails at once instead (and the page cache may answer with the page it kept). Writes keep PostgreSQL's default.
 */
@Component
public class PublicReads {

    /** Answering a request. */
    public interface Work {
        void run() throws IOException, ServletException;
    }

    private final TransactionTemplate readOnly;
    private final JdbcClient jdbc;
    private final String lockTimeout;

    PublicReads(PlatformTransactionManager transactions, JdbcClient jdbc,
                @Value("${klaremaal.public-read.lock-timeout:500ms}") Duration lockTimeout) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
        this.lockTimeout = lockTimeout.toMillis() + "ms";
    }

    public void run(Work work) throws IOException, ServletException {
        try {
            readOnly.executeWithoutResult(status -> {
                jdbc.sql("select set_config('lock_timeout', ?, true)").param(lockTimeout).query(String.class).single();
                try {
                    work.run();
                } catch (IOException | ServletException e) {
                    throw new Checked(e);
                }
            });
        } catch (Checked e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        }
    }

    /** Carries a checked exception of the work through the transaction, which rolls back on it. */
    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
