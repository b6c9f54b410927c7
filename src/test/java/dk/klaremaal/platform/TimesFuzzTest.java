package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The quick reading of times against java.time over generated strings: valid ones and near misses
 * (offsets up to ±18:00 and beyond, impossible months, days and hours, leap seconds, fractions of
 * one to ten digits, missing and extra parts). Each string must give exactly the instant java.time
 * gives, within the documented years, or be refused with a reason; never any other exception.
 */
class TimesFuzzTest {

    private static final Object REFUSED = "refused";
    private static final int STRINGS = 200_000;
    private static final Pattern OFFSET = Pattern.compile("T\\d\\d:\\d\\d(:\\d\\d)?([Zz]|[+-]\\d\\d:\\d\\d)$");

    /** What the documented rules make of a string, worked out with java.time's own parsers only. */
    private static Object expected(String value) {
        String text = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + "T" + value.substring(11) : value;
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            return plausible(time.toLocalDate()) ? time.toInstant() : REFUSED;
        } catch (DateTimeParseException e) {
            // no offset: a local time in Copenhagen, below
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return REFUSED;
        }
        if (!plausible(local.toLocalDate()) || TimeConfiguration.ZONE.getRules().getValidOffsets(local).isEmpty()) {
            return REFUSED;
        }
        return ZonedDateTime.ofLocal(local, TimeConfiguration.ZONE, null).withEarlierOffsetAtOverlap().toInstant();
    }

    private static boolean plausible(LocalDate date) {
        return !date.isBefore(LocalDate.of(1900, 1, 1)) && !date.isAfter(LocalDate.of(2100, 12, 31));
    }

    private static Object actual(String text) {
        try {
            return RowFields.Times.parseInstant(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as(text).isNotBlank();
            return REFUSED;
        } catch (DateTimeException | ArithmeticException | IndexOutOfBoundsException e) {
            return fail("'" + text + "' threw " + e);
        }
    }

    @Test
    void everyGeneratedStringIsReadAsJavaTimeReadsItOrRefused() {
        Random random = new Random(20261202);
        int accepted = 0;
        int withOffset = 0;
        for (int i = 0; i < STRINGS; i++) {
            String text = generate(random);
            Object expected = expected(text);
            assertThat(actual(text)).as("'%s'", text).isEqualTo(expected);
            if (expected instanceof Instant) {
                accepted++;
                if (OFFSET.matcher(text).find()) {
                    withOffset++;
                }
            }
        }
        // Both kinds are well represented, so the comparison covers the quick path as well as refusals.
        assertThat(accepted).isBetween(STRINGS / 5, STRINGS * 4 / 5);
        assertThat(withOffset).isGreaterThan(STRINGS / 10);
    }

    @Test
    void offsetsBeyondEighteenHoursAndYearsOutsideTheRangeAreRefused() {
        for (String text : new String[] {"2024-03-01T09:30+18:30", "2024-03-01T09:30:00-18:01", "2024-03-01T09:30+19:00",
                "0001-03-01T09:30+01:00", "1000-03-01T09:30", "1899-12-31T23:59Z", "2101-01-01T00:00+01:00", "9999-12-31T23:59:59"}) {
            assertThat(actual(text)).as(text).isEqualTo(REFUSED);
        }
        assertThat(actual("2024-03-01T09:30+18:00")).isEqualTo(OffsetDateTime.parse("2024-03-01T09:30+18:00").toInstant());
        assertThat(actual("1900-01-01T00:00Z")).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(actual("2100-12-31T23:59:59.999999999Z")).isEqualTo(Instant.parse("2100-12-31T23:59:59.999999999Z"));
    }

    private static String generate(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(r.nextInt(4) > 0 ? Integer.toString(1895 + r.nextInt(210)) : pick(r, Integer.toString(10000 + r.nextInt(10000)).substring(1), "0001", "1000",
                "1900", "2100", "2101", "1899", "2024", "+2024", "24", "20245"));
        b.append(r.nextInt(50) == 0 ? "/" : "-");
        b.append(two(r, r.nextInt(20) == 0 ? r.nextInt(14) : 1 + r.nextInt(12)));
        b.append(r.nextInt(50) == 0 ? "" : "-");
        b.append(two(r, r.nextInt(20) == 0 ? r.nextInt(33) : 1 + r.nextInt(28)));
        if (r.nextInt(50) == 0) {
            return mutate(r, b);
        }
        b.append(r.nextInt(10) > 0 ? "T" : pick(r, " ", "t", "x"));
        b.append(two(r, r.nextInt(20) == 0 ? r.nextInt(26) : r.nextInt(24)));
        b.append(':');
        b.append(two(r, r.nextInt(20) == 0 ? r.nextInt(62) : r.nextInt(60)));
        if (r.nextBoolean()) {
            b.append(':').append(two(r, r.nextInt(20) == 0 ? 58 + r.nextInt(4) : r.nextInt(60)));
            if (r.nextInt(4) == 0) {
                b.append(r.nextInt(20) == 0 ? ',' : '.');
                int digits = 1 + r.nextInt(10);
                for (int d = 0; d < digits; d++) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
            }
        }
        switch (r.nextInt(8)) {
            case 0, 1 -> {
                // a local time
            }
            case 2 -> b.append(r.nextInt(10) == 0 ? "z" : "Z");
            case 3 -> b.append(r.nextBoolean() ? '+' : '-').append(two(r, r.nextInt(20))).append(':').append(two(r, r.nextInt(61)));
            case 4 -> b.append(r.nextBoolean() ? '+' : '-').append(two(r, 17 + r.nextInt(3))).append(':').append(two(r, r.nextInt(4) * 15));
            case 5 -> b.append(r.nextBoolean() ? '+' : '-').append(two(r, r.nextInt(15))).append(":00");
            case 6 -> b.append(pick(r, "+01", "+0100", "+01:00:00", "+01:00:60", "-00:00", "+1:00", "+01:0", "UTC", "[Europe/Copenhagen]"));
            default -> b.append(r.nextBoolean() ? "+01:00" : "+02:00");
        }
        return r.nextInt(20) == 0 ? mutate(r, b) : b.toString();
    }

    /** A near miss: a character dropped, doubled or replaced, or the string cut short. */
    private static String mutate(Random r, StringBuilder b) {
        int at = r.nextInt(b.length());
        switch (r.nextInt(4)) {
            case 0 -> b.deleteCharAt(at);
            case 1 -> b.insert(at, b.charAt(at));
            case 2 -> b.setCharAt(at, "0123456789-:+TZ ."
                    .charAt(r.nextInt(17)));
            default -> b.setLength(at);
        }
        return b.toString();
    }

    private static String two(Random r, int n) {
        return n < 10 ? (r.nextInt(40) == 0 ? "" : "0") + n : Integer.toString(n);
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
