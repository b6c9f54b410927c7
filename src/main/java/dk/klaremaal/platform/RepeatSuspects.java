package dk.klaremaal.platform;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of a stream that may occur in it more than once, found as the stream passes in memory
 * that does not grow with it: every key is looked up in Bloom filters of the keys before it, and
 * the ones they may hold are kept as suspects. Every key that does occur twice is a suspect (its
 * second occurrence is); a few unique keys are too (the filters' false positives), so the suspects
 * are where to look for repeats, not the repeats themselves.
 * <p>
 * The filters grow with the stream: one for the first million keys (under 2 MB), then one for four
 * million, then one for sixteen, about 21 million keys in 32 MB; beyond that, or when more than the
 * allowed number of suspects are found, the suspects are given up and the stream's repeats must be
 * found another way. Each key is hashed once, to 64 bits, and the filters take that hash.
 */
public final class RepeatSuspects {

    private static final long FIRST_FILTER_KEYS = 1_000_000;
    /** The filters' number: 1 + 4 + 16 times the first one's keys. */
    private static final int MAX_FILTERS = 3;
    /** Per filter; 0.3 % takes eight bits to be set or read per key (0.1 % would take ten). */
    private static final double FALSE_POSITIVES = 0.003;
    private static final HashFunction HASH = Hashing.murmur3_128();

    private final int maxSuspects;
    private final List<BloomFilter<Long>> filters = new ArrayList<>();
    private Set<String> suspects = new HashSet<>();
    private long capacity;
    private long inLast;

    /** @param maxSuspects how many suspects to keep at most; beyond it they are given up */
    public RepeatSuspects(int maxSuspects) {
        this(maxSuspects, FIRST_FILTER_KEYS);
    }

    RepeatSuspects(int maxSuspects, long firstFilterKeys) {
        this.maxSuspects = maxSuspects;
        this.capacity = firstFilterKeys;
        filters.add(newFilter(capacity));
    }

    /** Takes the stream's next key. */
    public void add(String key) {
        if (suspects == null) {
            return;
        }
        long hash = HASH.hashUnencodedChars(key).asLong();
        int full = filters.size() - 1;
        for (int i = 0; i < full; i++) {
            if (filters.get(i).mightContain(hash)) {
                suspect(key);
                return;
            }
        }
        // Adding to the last filter tells whether it may hold the key already: then no bit changes.
        if (!filters.getLast().put(hash)) {
            suspect(key);
        } else if (++inLast == capacity) {
            if (filters.size() == MAX_FILTERS) {
                giveUp();
            } else {
                capacity *= 4;
                filters.add(newFilter(capacity));
                inLast = 0;
            }
        }
    }

    private void suspect(String key) {
        suspects.add(key);
        if (suspects.size() > maxSuspects) {
            giveUp();
        }
    }

    /** The suspects, or empty when they were given up (too many keys, or too many suspects). */
    public Optional<Set<String>> suspects() {
        return Optional.ofNullable(suspects);
    }

    private void giveUp() {
        suspects = null;
        filters.clear();
    }

    private static BloomFilter<Long> newFilter(long keys) {
        return BloomFilter.create(Funnels.longFunnel(), keys, FALSE_POSITIVES);
    }
}
