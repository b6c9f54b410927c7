package dk.klaremaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.platform.RawRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's generated answers and downtime depend on the seed alone, not on the order in which a map hands out
 * its years: {@code Map.of} orders its entries differently in every JVM, so two loads of the demo differed.
 */
class DemoMeasurementsTest {

    private static <V> Map<Integer, V> inOrder(Object... yearsAndValues) {
        Map<Integer, V> map = new LinkedHashMap<>();
        for (int i = 0; i < yearsAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V value = (V) yearsAndValues[i + 1];
            map.put((Integer) yearsAndValues[i], value);
        }
        return map;
    }

    private static List<Map<String, String>> fields(List<RawRow> rows) {
        return rows.stream().map(RawRow::fields).toList();
    }

    @Test
    void surveyAnswersDoNotDependOnTheOrderOfTheYears() {
        double[] w23 = {3, 5, 25, 45, 22};
        double[] w24 = {4, 8, 28, 40, 20};
        double[] w25 = {2, 4, 24, 45, 25};
        List<RawRow> ascending = new DemoMeasurements(2005).responses("o", "s", "q", inOrder(2023, w23, 2024, w24, 2025, w25), 50);
        List<RawRow> descending = new DemoMeasurements(2005).responses("o", "s", "q", inOrder(2025, w25, 2024, w24, 2023, w23), 50);
        assertThat(fields(descending)).isEqualTo(fields(ascending));
    }

    @Test
    void downtimeDoesNotDependOnTheOrderOfTheYears() {
        List<RawRow> ascending = new DemoMeasurements(2005).downtime("o", "sys",
                inOrder(2023, new int[]{12, 600}, 2024, new int[]{40, 1500}, 2025, new int[]{6, 120}));
        List<RawRow> descending = new DemoMeasurements(2005).downtime("o", "sys",
                inOrder(2025, new int[]{6, 120}, 2024, new int[]{40, 1500}, 2023, new int[]{12, 600}));
        assertThat(fields(descending)).isEqualTo(fields(ascending));
    }
}
