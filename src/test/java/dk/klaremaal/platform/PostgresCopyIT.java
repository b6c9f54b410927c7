package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PostgresCopyIT extends IntegrationTest {

    /** The fast timestamp text must mean, to PostgreSQL, exactly the instant that Instant.toString() (ISO-8601) names. */
    @Test
    void timestampsAreReadByPostgresqlAsTheSameInstant() {
        Random random = new Random(11);
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-12-31T23:59:59.999999Z"),
                Instant.parse("1999-01-01T00:00:00.5Z"), Instant.parse("0999-06-01T12:00:00Z"), Instant.parse("2026-10-25T00:59:30.000001Z")));
        for (int i = 0; i < 200; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextBoolean() ? 0 : random.nextInt(1_000_000) * 1000L));
        }
        for (Instant instant : instants) {
            String text = PostgresCopy.timestamp(instant);
            assertThat(jdbc.sql("select ?::timestamptz = ?::timestamptz").params(text, instant.toString()).query(Boolean.class).single())
                    .as("%s written as %s", instant, text).isTrue();
        }
    }
}
