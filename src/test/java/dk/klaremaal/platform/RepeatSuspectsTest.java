package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepeatSuspectsTest {

    @Test
    void everyKeyUsedTwiceIsASuspectAndFewUniqueOnesAre() {
        RepeatSuspects suspects = new RepeatSuspects(100_000);
        Random random = new Random(7);
        Set<String> repeated = new HashSet<>();
        int unique = 3_000_000; // through the first filter (a million keys) into the second
        for (int i = 0; i < unique; i++) {
            String key = "g7-" + i + "-" + (i % 5);
            suspects.add(key);
            if (random.nextInt(1_000) == 0) {
                repeated.add(key);
            }
        }
        repeated.forEach(suspects::add);
        Set<String> found = suspects.suspects().orElseThrow();
        assertThat(repeated).hasSizeGreaterThan(2_500);
        assertThat(found).containsAll(repeated);
        // False positives: at most 0.3 % per filter a key is looked up in, two filters here.
        assertThat(found.size() - repeated.size()).isLessThan(unique * 6 / 1_000);
    }

    @Test
    void aStreamWithoutRepeatsMayStillHaveAFewSuspectsButNeverMissesOne() {
        RepeatSuspects suspects = new RepeatSuspects(10);
        suspects.add("a");
        suspects.add("b");
        suspects.add("a");
        assertThat(suspects.suspects().orElseThrow()).contains("a").doesNotContain("b");
    }

    @Test
    void givesUpWhenThereAreMoreSuspectsThanAllowed() {
        RepeatSuspects suspects = new RepeatSuspects(10);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 10; i++) {
                suspects.add("k" + i);
            }
        }
        assertThat(suspects.suspects()).isPresent();
        suspects.add("k1");
        suspects.add("z");
        suspects.add("z");
        assertThat(suspects.suspects()).isEmpty();
    }

    @Test
    void givesUpWhenTheStreamOutgrowsItsFilters() {
        RepeatSuspects suspects = new RepeatSuspects(1_000, 100);
        int taken = 0;
        while (suspects.suspects().isPresent()) {
            suspects.add("k" + taken++);
        }
        // Three filters, of 100, 400 and 1,600 keys: when the last is full, the suspects are given up (a few
        // more keys were taken: the suspects, which no filter holds).
        assertThat(taken).isBetween(2_100, 2_115);
    }
}
