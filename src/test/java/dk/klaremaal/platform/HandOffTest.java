package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HandOffTest {

    @Test
    void theWorkerTakesEveryItemInOrderAndItsWorkIsSeenAfterFinish() {
        List<Integer> taken = new ArrayList<>();
        try (HandOff<Integer> handOff = new HandOff<>("test-worker", 7, taken::add)) {
            for (int i = 0; i < 1_000; i++) {
                handOff.put(i);
            }
            handOff.finish();
        }
        assertThat(taken).hasSize(1_000);
        for (int i = 0; i < 1_000; i++) {
            assertThat(taken.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aFailureOfTheWorkerIsThrownToTheMaker() {
        AtomicInteger taken = new AtomicInteger();
        try (HandOff<Integer> handOff = new HandOff<>("test-worker", 10, i -> {
            if (i == 55) {
                throw new IllegalArgumentException("item " + i + " is bad");
            }
            taken.incrementAndGet();
        })) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100_000; i++) {
                    handOff.put(i);
                }
                handOff.finish();
            }).isInstanceOf(IllegalArgumentException.class).hasMessage("item 55 is bad");
        }
        // Nothing after the bad item was taken.
        assertThat(taken.get()).isEqualTo(55);
    }

    @Test
    void theMakerWaitsWhileTheWorkerIsBehind() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger put = new AtomicInteger();
        try (HandOff<Integer> handOff = new HandOff<>("test-worker", 10, i -> {
            started.countDown();
            awaitQuietly(release);
            taken.incrementAndGet();
        })) {
            Thread maker = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1_000; i++) {
                    handOff.put(i);
                    put.incrementAndGet();
                }
                handOff.finish();
            });
            started.await();
            // The maker may be seen waiting for a moment before the worker's first take wakes it;
            // wait until it waits and its count has stopped moving.
            int seen;
            do {
                seen = put.get();
                Thread.sleep(50);
            } while (maker.getState() != Thread.State.WAITING || put.get() != seen);
            // The batch being taken and four waiting ones, ten items each, and the batch being
            // filled, whose last item is still being handed over.
            assertThat(put.get()).isEqualTo(59);
            release.countDown();
            maker.join();
        }
        assertThat(taken.get()).isEqualTo(1_000);
    }

    @Test
    void closeWithoutFinishStopsTheWorkerAfterTheBatchItIsTaking() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger taken = new AtomicInteger();
        HandOff<Integer> handOff = new HandOff<>("test-worker", 10, i -> {
            awaitQuietly(never);
            taken.incrementAndGet();
        });
        for (int i = 0; i < 30; i++) {
            handOff.put(i);
        }
        handOff.close();
        assertThat(taken.get()).isLessThanOrEqualTo(10);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
