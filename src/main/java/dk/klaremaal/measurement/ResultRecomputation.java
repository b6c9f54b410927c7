package dk.klaremaal.measurement;

import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalRepository;
import dk.klaremaal.goals.IndicatorKind;
import dk.klaremaal.platform.DataVersion;
import dk.klaremaal.platform.ScheduledRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night one node (whichever claims the night first) computes every published goal's results
 * afresh and keeps them; every node then serves those until the goal's organisation's data or the day changes (another
 * organisation's changes leave them in use), so a node
 * that starts, or whose cache has dropped a goal, does not compute it again. Availability goals are
 * left out: their results run to the current minute.
 */
@Component
public class ResultRecomputation {

    static final String JOB = "recompute-results";
    private static final Logger log = LoggerFactory.getLogger(ResultRecomputation.class);

    /** What a run did. */
    public record Run(int goals, long millis) {
    }

    private final ScheduledRuns runs;
    private final GoalRepository goals;
    private final ResultService results;
    private final ResultSnapshots snapshots;
    private final DataVersion dataVersion;
    private final Clock clock;
    private final Duration lease;
    private final int threads;

    ResultRecomputation(ScheduledRuns runs, GoalRepository goals, ResultService results, ResultSnapshots snapshots, DataVersion dataVersion,
                        Clock clock, @Value("${klaremaal.recompute.lease:PT2H}") Duration lease,
                        @Value("${klaremaal.recompute.threads:0}") int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.runs = runs;
        this.goals = goals;
        this.results = results;
        this.snapshots = snapshots;
        this.dataVersion = dataVersion;
        this.clock = clock;
        this.lease = lease;
    }

    @Scheduled(cron = "${klaremaal.recompute.cron:0 30 2 * * *}", zone = "Europe/Copenhagen")
    void nightly() {
        recompute(LocalDate.now(clock).toString());
    }

    /** Runs the recomputation for the slot (a night) unless another node has it; empty when it did not run here. */
    public Optional<Run> recompute(String slot) {
        if (!runs.claim(JOB, slot, lease)) {
            log.info("Results for {} are recomputed by another node", slot);
            return Optional.empty();
        }
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        // Goals are computed side by side (each on its own connection), so every core of the database is used.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            LocalDate day = LocalDate.now(clock);
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (Goal goal : goals.findAll()) {
                if (goal.indicator().kind() != IndicatorKind.AVAILABILITY) {
                    work.add(pool.submit(() -> {
                        // Kept under the version of what the goal reads (its organisation's data), taken before the data,
                        // so what is kept under it is never older than it.
                        long version = dataVersion.ofOrganisation(goal.organisationId());
                        snapshots.save(goal.id(), version, day, results.computeFresh(goal));
                        count.incrementAndGet();
                    }));
                }
            }
            for (java.util.concurrent.Future<?> f : work) {
                f.get();
            }
            Run run = new Run(count.get(), (System.nanoTime() - started) / 1_000_000);
            runs.finish(JOB, slot, run.goals() + " goals in " + run.millis() + " ms");
            log.info("Recomputed the results of {} goals in {} ms", run.goals(), run.millis());
            return Optional.of(run);
        } catch (InterruptedException | java.util.concurrent.ExecutionException | RuntimeException e) {
            runs.finish(JOB, slot, "failed after " + count.get() + " goals: " + e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("the recomputation failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
