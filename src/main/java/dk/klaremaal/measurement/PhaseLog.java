package dk.klaremaal.measurement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs at debug level how long each step of a bulk operation took, each from the end of the one before. */
final class PhaseLog {

    private static final Logger LOG = LoggerFactory.getLogger(PhaseLog.class);

    private final String operation;
    private long last = System.nanoTime();

    PhaseLog(String operation) {
        this.operation = operation;
    }

    void done(String step) {
        long now = System.nanoTime();
        LOG.debug("{}: {} in {} ms", operation, step, (now - last) / 1_000_000);
        last = now;
    }
}
