package dk.klaremaal.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A thread-safe map that forgets its least recently used entry beyond a number of entries. */
public final class Lru {

    private Lru() {
    }

    public static <K, V> Map<K, V> map(int entries) {
        return Collections.synchronizedMap(new LinkedHashMap<>(Math.min(entries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > entries;
            }
        });
    }
}
