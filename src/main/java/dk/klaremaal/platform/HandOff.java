package dk.klaremaal.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Passes items from the thread that makes them to a worker thread that takes them, in the order they
 * were made, so that making and taking run on two processor cores at once. Items go over in batches,
 * and at most a few batches wait between the two threads: when the worker falls behind, the maker
 * waits, and memory stays bounded.
 * <p>
 * The maker calls {@link #put} for each item and {@link #finish} at the end, which returns once the
 * worker has taken every item; everything the worker did is then visible to the maker. A failure of
 * the worker is thrown to the maker by its next {@code put} or by {@code finish}. Used in a
 * try-with-resources block, {@link #close} stops the worker when the maker gives up early.
 */
public final class HandOff<T> implements AutoCloseable {

    private static final int WAITING_BATCHES = 4;

    private final int batchSize;
    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(WAITING_BATCHES);
    /** Put last on the queue: the worker stops when it takes it. */
    private final List<T> end = new ArrayList<>(0);
    private final Thread worker;
    private List<T> batch;
    private volatile Throwable failure;
    private boolean finished;

    /**
     * @param name      the worker thread's name
     * @param batchSize how many items go over together
     * @param taker     what the worker does with each item
     */
    public HandOff(String name, int batchSize, Consumer<? super T> taker) {
        this.batchSize = batchSize;
        this.batch = new ArrayList<>(batchSize);
        this.worker = Thread.ofPlatform().name(name).daemon().start(() -> work(taker));
    }

    private void work(Consumer<? super T> taker) {
        try {
            for (List<T> items = queue.take(); items != end; items = queue.take()) {
                if (failure == null) {
                    try {
                        items.forEach(taker);
                    } catch (RuntimeException | Error e) {
                        failure = e;
                    }
                }
                // After a failure the batches are still taken, so that the maker is never left waiting for room.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands one item over; waits while the worker is behind. */
    public void put(T item) {
        batch.add(item);
        if (batch.size() == batchSize) {
            send(batch);
            batch = new ArrayList<>(batchSize);
        }
    }

    /** Hands over the last items and waits until the worker has taken them all. */
    public void finish() {
        send(batch);
        send(end);
        finished = true;
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + worker.getName(), e);
        }
        rethrow();
    }

    private void send(List<T> items) {
        rethrow();
        try {
            queue.put(items);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over to " + worker.getName(), e);
        }
    }

    private void rethrow() {
        switch (failure) {
            case null -> {
            }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure);
        }
    }

    /** Stops the worker if {@link #finish} was not reached; its remaining items are not taken. */
    @Override
    public void close() {
        if (!finished) {
            worker.interrupt();
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
