package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick reading of event times agrees with java.time's own parsers on every shape, and refuses what they refuse. */
class TimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T09:30:00+01:00", "2024-03-01T09:30+01:00", "2024-03-01T09:30:00Z", "2024-03-01T09:30Z",
            "2024-07-01T23:59:59-05:30", "2024-03-01T09:30:00.250+01:00", "2024-02-29T00:00:00+14:00", "2024-03-01 09:30:00+01:00"})
    void withAnOffsetItIsTheInstantJavaTimeReads(String text) {
        assertThat(RowFields.Times.parseInstant(text)).isEqualTo(OffsetDateTime.parse(text.replace(' ', 'T')).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T09:30", "2024-03-01T09:30:15", "2024-10-27T02:30", "2024-07-01T12:00:00", "2024-03-01T09:30:00.5"})
    void withoutAnOffsetItIsCopenhagenTimeTakenTheFirstTime(String text) {
        LocalDateTime local = LocalDateTime.parse(text);
        Instant expected = ZonedDateTime.ofLocal(local, TimeConfiguration.ZONE, null).withEarlierOffsetAtOverlap().toInstant();
        assertThat(RowFields.Times.parseInstant(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T09:30Z1", "2024-03-01T09:30:00+1:00", "2024-02-30T09:30", "2024-03-01T24:00", "2024-03-01T09:60",
            "2024-03-01T09:30:00+01:00x", "2024-3-01T09:30", "i går", "2024-03-01", "2024-03-31T02:30"})
    void malformedOrImpossibleTimesAreRefused(String text) {
        assertThatThrownBy(() -> RowFields.Times.parseInstant(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void theWholeRangeOfADayAgrees() {
        for (String offset : List.of("+01:00", "+02:00", "Z", "")) {
            for (int minute = 0; minute < 24 * 60; minute += 7) {
                String text = "2025-03-30T%02d:%02d:%02d%s".formatted(minute / 60, minute % 60, minute % 60, offset);
                Instant expected;
                if (offset.isEmpty()) {
                    LocalDateTime local = LocalDateTime.parse(text);
                    if (TimeConfiguration.ZONE.getRules().getValidOffsets(local).isEmpty()) {
                        assertThatThrownBy(() -> RowFields.Times.parseInstant(text)).isInstanceOf(IllegalArgumentException.class);
                        continue;
                    }
                    expected = ZonedDateTime.ofLocal(local, TimeConfiguration.ZONE, null).withEarlierOffsetAtOverlap().toInstant();
                } else {
                    expected = OffsetDateTime.parse(text).toInstant();
                }
                assertThat(RowFields.Times.parseInstant(text)).as(text).isEqualTo(expected);
            }
        }
    }
}
