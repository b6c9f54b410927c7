package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates in words and times in Copenhagen, worked out by hand from the UTC moments. */
class DatesTest {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    @Test
    void daysInWords() {
        assertThat(Dates.day(LocalDate.of(2026, 9, 4), DANISH)).isEqualTo("4. september 2026");
        assertThat(Dates.day(LocalDate.of(2026, 9, 4), Locale.ENGLISH)).isEqualTo("4 September 2026");
        assertThat(Dates.day(LocalDate.of(2026, 12, 2), DANISH)).isEqualTo("2. december 2026");
    }

    @Test
    void timesAreCopenhagenTimeSummerAndWinter() {
        // Summer time: UTC+2.
        assertThat(Dates.dateTime(Instant.parse("2026-09-04T00:34:00Z"), DANISH)).isEqualTo("4. september 2026 kl. 02:34");
        assertThat(Dates.dateTime(Instant.parse("2026-09-04T00:34:00Z"), Locale.ENGLISH)).isEqualTo("4 September 2026, 02:34");
        // Winter time: UTC+1; 23:30 UTC on 31 December is already the new year in Copenhagen.
        assertThat(Dates.dateTime(Instant.parse("2025-12-31T23:30:00Z"), DANISH)).isEqualTo("1. januar 2026 kl. 00:30");
        // The night summer time ends, 00:30 and 01:30 UTC are both 02:30 local.
        assertThat(Dates.dateTime(Instant.parse("2026-10-25T00:30:00Z"), DANISH)).isEqualTo("25. oktober 2026 kl. 02:30");
        assertThat(Dates.dateTime(Instant.parse("2026-10-25T01:30:00Z"), DANISH)).isEqualTo("25. oktober 2026 kl. 02:30");
    }

    @Test
    void theApiLanguageFollowsAcceptLanguageWithEnglishAsDefault() {
        assertThat(ApiLanguage.of((String) null)).isEqualTo(Locale.ENGLISH);
        assertThat(ApiLanguage.of("da")).isEqualTo(DANISH);
        assertThat(ApiLanguage.of("da-DK,da;q=0.9,en;q=0.8")).isEqualTo(DANISH);
        assertThat(ApiLanguage.of("en-GB,da;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(ApiLanguage.of("fr,da;q=0.5")).isEqualTo(DANISH);
        assertThat(ApiLanguage.of("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(ApiLanguage.of("da;q=0,en")).isEqualTo(Locale.ENGLISH);
        assertThat(ApiLanguage.of(";;;q=x")).isEqualTo(Locale.ENGLISH);
    }
}
