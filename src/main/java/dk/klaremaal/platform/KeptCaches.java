package dk.klaremaal.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Builds the caches a node keeps, each recording its hits and misses, published as metrics when there is a meter registry. */
@Component
public class KeptCaches {

    private final ObjectProvider<MeterRegistry> registry;

    KeptCaches(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** The cache built from {@code builder}, with statistics, under {@code name} in the metrics. */
    public <B, C, K extends B, V extends C> Cache<K, V> build(String name, Caffeine<B, C> builder) {
        Cache<K, V> cache = builder.recordStats().build();
        registry.ifAvailable(r -> CaffeineCacheMetrics.monitor(r, cache, name));
        return cache;
    }
}
