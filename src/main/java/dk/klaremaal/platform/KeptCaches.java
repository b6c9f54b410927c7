package dk.klaremaal.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds the caches a node keeps, each counting its hits and misses, published as metrics ({@code cache.gets} and the
 * like, tagged with the cache's name) when there is a meter registry.
 */
@Component
public class KeptCaches {

    private final ObjectProvider<MeterRegistry> registry;

    KeptCaches(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** The cache built from {@code builder}, under {@code name} in the metrics. */
    public <B, C, K extends B, V extends C> Kept<K, V> build(String name, Caffeine<B, C> builder) {
        StatsCounter stats = new ConcurrentStatsCounter();
        Cache<K, V> cache = builder.recordStats(() -> stats).build();
        registry.ifAvailable(r -> CaffeineCacheMetrics.monitor(r, cache, name));
        return new Kept<>(cache, stats);
    }

    /**
     * A cache of values that each hold only while what they were computed from is unchanged: a value kept but no
     * longer valid counts as a miss, so the hit rate says how often the work was saved.
     */
    public static final class Kept<K, V> {

        private final Cache<K, V> cache;
        private final StatsCounter stats;

        private Kept(Cache<K, V> cache, StatsCounter stats) {
            this.cache = cache;
            this.stats = stats;
        }

        /** The value kept for the key if it is still valid, else null. */
        public V valid(K key, Predicate<V> valid) {
            V value = cache.policy().getIfPresentQuietly(key);
            if (value != null && valid.test(value)) {
                // Read again, to mark it as used and count the hit.
                cache.getIfPresent(key);
                return value;
            }
            stats.recordMisses(1);
            return null;
        }

        /** The value kept for the key, valid or not (what to answer when the valid one cannot be computed), else null. */
        public V any(K key) {
            return cache.policy().getIfPresentQuietly(key);
        }

        public void put(K key, V value) {
            cache.put(key, value);
        }

        /** The number of values kept, after pending evictions. */
        public long size() {
            cache.cleanUp();
            return cache.estimatedSize();
        }

        /** The total weight of the values kept, after pending evictions. */
        public long weight() {
            cache.cleanUp();
            return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
        }
    }
}
