package dk.klaremaal.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void periodsContainingADate() {
        LocalDate d = LocalDate.parse("2024-08-15");
        assertThat(Period.containing(PeriodKind.YEAR, d).key()).isEqualTo("2024");
        assertThat(Period.containing(PeriodKind.HALF, d).key()).isEqualTo("2024-H2");
        assertThat(Period.containing(PeriodKind.QUARTER, d).key()).isEqualTo("2024-Q3");
        assertThat(Period.containing(PeriodKind.MONTH, d).key()).isEqualTo("2024-08");
        assertThat(Period.containing(PeriodKind.QUARTER, d).end()).isEqualTo(LocalDate.parse("2024-09-30"));
        assertThat(Period.containing(PeriodKind.MONTH, LocalDate.parse("2024-02-10")).end()).isEqualTo(LocalDate.parse("2024-02-29"));
    }

    @Test
    void keysRoundTrip() {
        for (String key : new String[]{"2024", "2024-H1", "2024-H2", "2024-Q1", "2024-Q4", "2024-03", "2024-12"}) {
            assertThat(Period.parse(key).key()).isEqualTo(key);
        }
        assertThat(Period.parse("2024-Q4").danishLabel()).isEqualTo("4. kvartal 2024");
        assertThatThrownBy(() -> Period.parse("2024-13")).hasMessageContaining("no month 13");
        assertThatThrownBy(() -> Period.parse("Q3 2024")).hasMessageContaining("is not a period");
    }
}
